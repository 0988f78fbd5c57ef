using System.Net;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using static AutoRfpHex.Adapters.Http.Tests.Scim.Bulk.BulkRequests;

namespace AutoRfpHex.Adapters.Http.Tests.Scim.Bulk;

/// <summary>Odd bulk operations: each fails alone with a 4xx in its entry, never a 5xx, and the bulk answers 200.</summary>
public sealed class BulkOddRequestTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    public static TheoryData<string> OddOperations() => new()
    {
        """{"method":"DELETE","path":"/Users/%00"}""",
        """{"method":"DELETE","path":"/Users/%F0%9F%98%80"}""",
        """{"method":"DELETE","path":"/Users/..%2F..%2Fapi%2Fv1%2Foauth-clients"}""",
        """{"method":"DELETE","path":"/Users/bulkId:"}""",
        """{"method":"DELETE","path":"/Users/%"}""",
        """{"method":"DELETE","path":"/ServiceProviderConfig/x"}""",
        """{"method":"DELETE","path":""}""",
        """{"method":"DELETE","path":"/"}""",
        """{"method":"","path":"/Users/x"}""",
        """{"method":null,"path":"/Users/x"}""",
        """{"method":"PATCH","path":"/Users/{alice}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@example.com"}}""",
        """{"method":"PATCH","path":"/Groups/{eng}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"bulkId:"}]}]}}""",
        """{"method":"PUT","path":"/Groups/{eng}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[null,1,"x",{"value":null}]}}""",
        """{"method":"PUT","path":"/Users/{alice}","version":"","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":{"x":1}}}""",
        """{"method":"PUT","path":"/Users/{alice}","version":"W/\"abc\", *","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com"}}""",
        """{"method":"POST","path":"/Users","bulkId":"x","data":{}}""",
        """{"method":"POST","path":"/Users","bulkId":"bulkId:x","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulkId:bulkId:x"}}""",
        """{"method":"POST","path":"/Groups","bulkId":"g","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"bulkId:g"}}""",
        """{"method":"DELETE","path":"/Users/{alice}","version":"W/\"1\"","bulkId":{"x":1}}""",
    };

    [Theory]
    [MemberData(nameof(OddOperations))]
    public async Task An_odd_operation_fails_alone_with_a_client_error(string operation)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkodd");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);
        var odd = JsonNode.Parse(operation.Replace("{alice}", alice).Replace("{eng}", eng))!.AsObject();

        using var response = await session.Scim.PostBulkAsync(Body(odd, PostUser("after", "after@example.com")));

        var operations = await response.ShouldBeBulkResponseAsync();
        operations.Should().HaveCount(2);
        var status = int.Parse((string)operations[0]["status"]!, System.Globalization.CultureInfo.InvariantCulture);
        status.Should().BeInRange(400, 499, operations[0].ToJsonString());
        ((string?)operations[0]["response"]!["detail"]).Should().NotBeNullOrWhiteSpace();
        ((string)operations[1]["status"]!).Should().Be("201");
        (await session.Scim.MemberIdsAsync(eng)).Should().Equal(alice);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_Bulk_are_client_errors(string method)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkverb");

        using var response = await session.Scim.SendAsync(new HttpRequestMessage(new HttpMethod(method), "scim/v2/Bulk"));

        ((int)response.StatusCode).Should().BeInRange(400, 499, await response.DescribeAsync());
    }

    [Fact]
    public async Task Deeply_nested_data_is_refused_not_crashed()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bulkdeep");
        var nested = new string('[', 100) + new string(']', 100);

        using var response = await session.Scim.PostBulkAsync(
            $$"""{"schemas":["{{BulkRequestSchema}}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"x","data":{"userName":{{nested}} } }]}""");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }
}
