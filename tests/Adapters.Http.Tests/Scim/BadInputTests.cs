using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// Every kind of bad SCIM input gets its 4xx and an RFC 7644 error body, never a 5xx, and changes nothing: the
/// tenant's users and groups read back byte for byte the same afterwards.
/// </summary>
public sealed class BadInputTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>name; method; path ({alice}, {eng} replaced); body; content type; expected status; accepted scimTypes ("" = any).</summary>
    public static TheoryData<string, string, string, string?, string, int, string> Cases() => new()
    {
        { "POST user, malformed JSON", "POST", "Users", """{"acve": tre, "userName": """, JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "POST user, empty body", "POST", "Users", "", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "POST user, JSON array", "POST", "Users", "[]", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "POST user, JSON string", "POST", "Users", "\"alice\"", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "POST user, missing userName", "POST", "Users", $$"""{"schemas":["{{User}}"],"userame":"typo@example.com"}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, empty userName", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":""}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, userName a number", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":123}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, emails a string", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"x@example.com","emails":"x@example.com"}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, name an array", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"x@example.com","name":[]}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, active not a boolean", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"x@example.com","active":"maybe"}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, duplicate userName", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"ALICE@example.com"}""", JsonHttp.ScimJson, 409, "uniqueness" },
        { "POST user, lone surrogate in a string", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"a\ud800b@example.com"}""", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "POST user, duplicate keys", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"a@example.com","userName":"b@example.com"}""", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "POST user, a number beyond double", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"a@example.com","emails":[{"value":"a@example.com","primary":1e400}]}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST user, empty object", "POST", "Users", "{}", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "POST user, only a core schema of another type", "POST", "Users", $$"""{"schemas":["{{Group}}"],"userName":"a@example.com"}""", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "POST user, schemas not an array", "POST", "Users", $$"""{"schemas":"{{User}}","userName":"a@example.com"}""", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "POST user, utf-16 charset", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"a@example.com"}""", "application/scim+json; charset=utf-16", 415, "" },
        { "PATCH user, lone surrogate in a value", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"\udc00"}"""), JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "PATCH user, lone surrogate in a path filter", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"emails[type eq \"\ud800\"].value","value":"x@example.com"}"""), JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue,invalidFilter,invalidPath" },
        { "POST user, text/plain", "POST", "Users", $$"""{"schemas":["{{User}}"],"userName":"x@example.com"}""", "text/plain", 415, "" },
        { "POST user, application/xml", "POST", "Users", "<user><userName>x</userName></user>", "application/xml", 415, "" },
        { "POST user, form", "POST", "Users", "userName=x%40example.com", "application/x-www-form-urlencoded", 415, "" },
        { "PUT user, malformed JSON", "PUT", "Users/{alice}", "{\"userName\":", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "PUT user, missing userName", "PUT", "Users/{alice}", $$"""{"schemas":["{{User}}"],"displayName":"No name"}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "PUT user, userName a number", "PUT", "Users/{alice}", $$"""{"schemas":["{{User}}"],"userName":42}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "PUT user, text/plain", "PUT", "Users/{alice}", $$"""{"schemas":["{{User}}"],"userName":"alice@example.com"}""", "text/plain", 415, "" },
        { "PUT user, unknown id", "PUT", "Users/00000000-0000-0000-0000-000000000000", $$"""{"schemas":["{{User}}"],"userName":"ghost@example.com"}""", JsonHttp.ScimJson, 404, "" },
        { "PATCH user, malformed JSON", "PATCH", "Users/{alice}", "{\"Operations\":[", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "PATCH user, no Operations", "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "PATCH user, Operations not an array", "PATCH", "Users/{alice}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{"op":"replace"}}""", JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "PATCH user, op missing", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"path":"active","value":false}"""), JsonHttp.ScimJson, 400, "invalidSyntax,invalidValue" },
        { "PATCH user, active an array", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"active","value":[1]}"""), JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "PATCH user, userName removed", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"remove","path":"userName"}"""), JsonHttp.ScimJson, 400, "invalidValue,mutability,invalidSyntax" },
        { "PATCH user, second op fails", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"Changed"}""", """{"op":"replace","path":"active","value":"nope"}"""), JsonHttp.ScimJson, 400, "invalidValue" },
        { "PATCH user, text/plain", "PATCH", "Users/{alice}", ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}"""), "text/plain", 415, "" },
        { "PATCH user, unknown id", "PATCH", "Users/00000000-0000-0000-0000-000000000000", ScimHttp.PatchBody("""{"op":"replace","path":"active","value":false}"""), JsonHttp.ScimJson, 404, "" },
        { "DELETE user, unknown id", "DELETE", "Users/00000000-0000-0000-0000-000000000000", null, JsonHttp.ScimJson, 404, "" },
        { "GET user, unknown id", "GET", "Users/00000000-0000-0000-0000-000000000000", null, JsonHttp.ScimJson, 404, "" },
        { "POST group, malformed JSON", "POST", "Groups", "{\"displayName\":", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "POST group, missing displayName", "POST", "Groups", $$"""{"schemas":["{{Group}}"],"members":[]}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST group, members a string", "POST", "Groups", $$$"""{"schemas":["{{{Group}}}"],"displayName":"X","members":"{alice}"}""", JsonHttp.ScimJson, 400, "invalidValue,invalidSyntax" },
        { "POST group, unknown member", "POST", "Groups", $$"""{"schemas":["{{Group}}"],"displayName":"X","members":[{"value":"no-such-user"}]}""", JsonHttp.ScimJson, 400, "invalidValue" },
        { "POST group, text/plain", "POST", "Groups", $$"""{"schemas":["{{Group}}"],"displayName":"X"}""", "text/plain", 415, "" },
        { "PUT group, unknown member", "PUT", "Groups/{eng}", $$"""{"schemas":["{{Group}}"],"displayName":"Engineering","members":[{"value":"no-such-user"}]}""", JsonHttp.ScimJson, 400, "invalidValue" },
        { "PATCH group, malformed JSON", "PATCH", "Groups/{eng}", "{", JsonHttp.ScimJson, 400, "invalidSyntax" },
        { "PATCH group, unknown member", "PATCH", "Groups/{eng}", ScimHttp.PatchBody("""{"op":"add","path":"members","value":[{"value":"no-such-user"}]}"""), JsonHttp.ScimJson, 400, "invalidValue" },
        { "PATCH group, unknown id", "PATCH", "Groups/00000000-0000-0000-0000-000000000000", ScimHttp.PatchBody("""{"op":"replace","path":"displayName","value":"X"}"""), JsonHttp.ScimJson, 404, "" },
        { "DELETE group, unknown id", "DELETE", "Groups/00000000-0000-0000-0000-000000000000", null, JsonHttp.ScimJson, 404, "" },
        { "GET users, bad filter operator", "GET", "Users?filter=userName%20zz%20%22x%22", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, unfinished filter", "GET", "Users?filter=userName%20eq", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, unbalanced parenthesis", "GET", "Users?filter=(userName%20eq%20%22x%22", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, unterminated string", "GET", "Users?filter=userName%20eq%20%22x", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET groups, bad filter", "GET", "Groups?filter=displayName%20eq%20%22x%22%20and", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, lone surrogate escape in a filter", "GET", "Users?filter=userName%20eq%20%22%5Cud800%22", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, lone surrogate escape in a value path", "GET", "Users?filter=emails%5Bvalue%20eq%20%22%5Cudc00%22%5D", null, JsonHttp.ScimJson, 400, "invalidFilter" },
        { "GET users, startIndex not a number", "GET", "Users?startIndex=first", null, JsonHttp.ScimJson, 400, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_its_4xx_and_a_scim_error_and_changes_nothing(
        string name, string method, string path, string? body, string contentType, int status, string scimTypes)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "bad");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);
        var before = await session.Scim.SnapshotAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), "scim/v2/" + path.Replace("{alice}", alice).Replace("{eng}", eng));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("{alice}", alice)));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await session.Scim.SendAsync(request);

        ((int)response.StatusCode).Should().BeLessThan(500, name);
        var accepted = scimTypes.Length == 0 ? [] : scimTypes.Split(',');
        await response.ShouldBeScimErrorAsync((HttpStatusCode)status, accepted);
        (await session.Scim.SnapshotAsync()).Should().Be(before, name + " must change nothing");
    }

    [Theory]
    [InlineData("POST", "Users")]
    [InlineData("PUT", "Users/{alice}")]
    [InlineData("PATCH", "Users/{alice}")]
    [InlineData("POST", "Groups")]
    public async Task A_ten_megabyte_body_is_413_and_changes_nothing(string method, string path)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "huge");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var before = await session.Scim.SnapshotAsync();
        var padding = new string('x', 10 * 1024 * 1024);
        var body = method == "PATCH"
            ? ScimHttp.PatchBody($$"""{"op":"replace","path":"displayName","value":"{{padding}}"}""")
            : $$"""{"schemas":["{{User}}"],"userName":"big@example.com","displayName":"{{padding}}"}""";

        var request = new HttpRequestMessage(new HttpMethod(method), "scim/v2/" + path.Replace("{alice}", alice))
        {
            Content = new StringContent(body, Encoding.UTF8, JsonHttp.ScimJson),
        };
        // The server may refuse from Content-Length alone and close the connection; with 100-continue the client
        // reads that answer instead of failing mid-upload with a broken pipe.
        request.Headers.ExpectContinue = true;

        using var response = await session.Scim.SendAsync(request);

        await response.ShouldBeScimErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_client_error()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "deep");
        var before = await session.Scim.SnapshotAsync();
        var nested = new string('[', 5000) + new string(']', 5000);

        using var response = await session.Scim.PostJsonAsync("scim/v2/Users", $$"""{"schemas":["{{User}}"],"userName":"deep@example.com","x":{{nested}}}""");

        await response.ShouldBeScimErrorAsync(HttpStatusCode.BadRequest);
        (await session.Scim.SnapshotAsync()).Should().Be(before);
    }
}
