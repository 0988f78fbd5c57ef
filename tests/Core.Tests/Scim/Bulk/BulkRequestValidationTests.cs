using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Bulk.BulkTestSupport;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim.Bulk;

/// <summary>
/// A malformed BulkRequest is refused whole (nothing runs); a malformed operation fails alone with a 400 in its place
/// while the others run.
/// </summary>
public sealed class BulkRequestValidationTests
{
    private const string Valid = """{"method":"POST","path":"/Users","bulkId":"ok","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ok@example.com"}}""";

    private readonly ScimTestHost host = new();
    private readonly BulkTestSupport bulk;

    public BulkRequestValidationTests() => bulk = new BulkTestSupport(host);

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { $$"""{"Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidSyntax },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]}""", ScimErrorTypes.InvalidSyntax },
        { """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":{"method":"POST"}}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{Valid}},"DELETE /Users/1"]}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{Valid}},null]}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnError":1,"Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{Valid}}],"operations":[]}""", ScimErrorTypes.InvalidSyntax },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":0,"Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidValue },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":"1","Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidValue },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1.5,"Operations":[{{Valid}}]}""", ScimErrorTypes.InvalidValue },
        { $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{Valid}},{{Valid.Replace("ok@", "other@")}}]}""", ScimErrorTypes.InvalidValue },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task A_malformed_request_is_refused_whole_with_400_and_runs_nothing(string body, string scimType)
    {
        await ((Func<Task>)(() => bulk.Run(Json(body)))).ShouldBeRefused(400, scimType);

        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(0);
    }

    public static TheoryData<string, string, string> MalformedOperations => new()
    {
        { """{"path":"/Users","bulkId":"x","data":{}}""", ScimErrorTypes.InvalidSyntax, "method" },
        { """{"method":"GET","path":"/Users/1"}""", ScimErrorTypes.InvalidValue, "GET" },
        { """{"method":7,"path":"/Users/1"}""", ScimErrorTypes.InvalidSyntax, "method" },
        { """{"method":"POST","path":"/Users","data":{"userName":"x@example.com"}}""", ScimErrorTypes.InvalidValue, "bulkId" },
        { """{"method":"POST","path":"/Users","bulkId":"","data":{"userName":"x@example.com"}}""", ScimErrorTypes.InvalidValue, "bulkId" },
        { """{"method":"POST","path":"/Users","bulkId":5,"data":{"userName":"x@example.com"}}""", ScimErrorTypes.InvalidSyntax, "bulkId" },
        { """{"method":"POST","path":"/Users/123","bulkId":"x","data":{"userName":"x@example.com"}}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"POST","path":"/Schemas","bulkId":"x","data":{"userName":"x@example.com"}}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"PATCH","path":"/Users","data":{}}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"DELETE","path":"Users/123"}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"DELETE","path":"/Users/123/extra"}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"DELETE","path":"/Users/123?attributes=id"}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"DELETE","path":"/Users/"}""", ScimErrorTypes.InvalidValue, "path" },
        { """{"method":"DELETE"}""", ScimErrorTypes.InvalidSyntax, "path" },
        { """{"method":"DELETE","path":["/Users/1"]}""", ScimErrorTypes.InvalidSyntax, "path" },
        { """{"method":"DELETE","path":"/Users/1","data":{}}""", ScimErrorTypes.InvalidSyntax, "DELETE" },
        { """{"method":"PUT","path":"/Users/1"}""", ScimErrorTypes.InvalidSyntax, "data" },
        { """{"method":"PATCH","path":"/Users/1","data":"[]"}""", ScimErrorTypes.InvalidSyntax, "data" },
        { """{"method":"PATCH","path":"/Users/1","data":[]}""", ScimErrorTypes.InvalidSyntax, "data" },
        { """{"method":"DELETE","path":"/Users/1","version":3}""", ScimErrorTypes.InvalidSyntax, "version" },
        { """{"method":"DELETE","path":"/Users/1","verison":"W/\"3\""}""", ScimErrorTypes.InvalidSyntax, "verison" },
        { """{"method":"DELETE","path":"/Users/1","Path":"/Users/2"}""", ScimErrorTypes.InvalidSyntax, "more than once" },
    };

    [Theory]
    [MemberData(nameof(MalformedOperations))]
    public async Task A_malformed_operation_fails_alone_with_400_and_the_others_run(string operation, string scimType, string named)
    {
        var result = await bulk.Run(operation, Valid);

        result.Operations.Should().HaveCount(2);
        var failed = result.Operations[0];
        failed.Status.Should().Be(400);
        failed.Error!.ScimType.Should().Be(scimType, failed.Error.Detail);
        failed.Error.Detail.Should().Contain(named).And.Contain("operation 1");
        result.Operations[1].Status.Should().Be(201);
        (await bulk.Count(ScimResourceType.User, Acme)).Should().Be(1);
    }

    [Fact]
    public async Task A_refused_operation_echoes_what_it_sent_of_method_and_bulkId()
    {
        var result = await bulk.Run("""{"method":"Merge","bulkId":"m","path":"/Users/1"}""", """{"bulkid":"p","method":"post","path":"/Nope","data":{}}""");

        result.ToResponse()["Operations"]!.AsArray().Select(o => $"{o!["method"]} {o["bulkId"]} {o["status"]} {o["location"]}")
            .Should().Equal("Merge m 400 ", "POST p 400 ");
    }

    [Fact]
    public async Task Member_names_match_in_any_case_and_null_members_are_absent()
    {
        var result = await bulk.Run(Json("""
            {"SCHEMAS":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":null,"operations":[
              {"METHOD":"POST","Path":"/Users","BULKID":"a","Data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a@example.com"},"version":null},
              {"method":"DELETE","path":"/Users/bulkId:a","data":null}]}
            """));

        result.Summary().Should().Equal("POST a 201", "DELETE - 204");
    }
}
