using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.Adapters.Http.Tests.Scim;

/// <summary>
/// Driven by what <c>/Schemas</c> serves: every writable attribute and sub-attribute of User, Enterprise User and Group
/// gets values of every wrong JSON kind, through POST, PUT, PATCH with a path and PATCH without one. Each request must be
/// a 400 SCIM error, and the tenant must read back exactly as before.
/// </summary>
public sealed class WrongTypeEverywhereTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Theory]
    [InlineData(UserSchema)]
    [InlineData(EnterpriseSchema)]
    [InlineData(GroupSchema)]
    public async Task Every_attribute_refuses_every_wrong_kind_of_value_and_nothing_changes(string schemaId)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "types");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        var eng = await session.Scim.CreateGroupAsync("Engineering", alice);
        var schema = await SchemaAsync(session.Scim, schemaId);
        var cases = WrongValues.For(schema).ToList();
        cases.Should().HaveCountGreaterThan(schemaId == GroupSchema ? 5 : 20, "the walk must cover the schema's attributes");
        var before = await session.Scim.SnapshotAsync();
        var failures = new List<string>();

        foreach (var (path, value) in cases)
        {
            foreach (var (method, url, body) in Requests(schemaId, path, value, alice, eng))
            {
                using var response = await session.Scim.SendJsonAsync(new HttpMethod(method), url, body);
                var problem = await ProblemAsync(response);
                if (problem is not null)
                {
                    failures.Add($"{method} {path} = {value.ToJsonString()}: {problem}");
                }
            }
        }

        failures.Should().BeEmpty(string.Join(Environment.NewLine, failures));
        (await session.Scim.SnapshotAsync()).Should().Be(before, "no refused request may change anything");
    }

    /// <summary>The four ways a wrong value reaches a resource: create, replace, PATCH with a path, PATCH without one.</summary>
    private static IEnumerable<(string Method, string Url, string Body)> Requests(string schemaId, string path, JsonNode value, string alice, string eng)
    {
        var isGroup = schemaId == GroupSchema;
        var resource = isGroup ? $"scim/v2/Groups/{eng}" : $"scim/v2/Users/{alice}";
        var required = isGroup ? new JsonObject { ["displayName"] = "Engineering" } : new JsonObject { ["userName"] = "alice@example.com" };
        var schemas = isGroup ? new JsonArray(GroupSchema) : new JsonArray(UserSchema, EnterpriseSchema);
        var fullPath = schemaId == EnterpriseSchema ? $"{EnterpriseSchema}:{path}" : path;

        var document = new JsonObject { ["schemas"] = schemas };
        foreach (var (key, requiredValue) in required)
        {
            document[key] = requiredValue!.DeepClone();
        }

        Place(document, schemaId == EnterpriseSchema ? EnterpriseSchema : null, path, value);
        var created = document.DeepClone().AsObject();
        var requiredName = isGroup ? "displayName" : "userName";
        if (fullPath != requiredName)
        {
            // A fresh unique name, so a refusal can only come from the wrong value.
            created[requiredName] = isGroup ? "Some new group" : "someone-new@example.com";
        }

        yield return ("POST", isGroup ? "scim/v2/Groups" : "scim/v2/Users", created.ToJsonString());
        yield return ("PUT", resource, document.ToJsonString());
        yield return ("PATCH", resource, ScimHttp.PatchBody(new JsonObject { ["op"] = "replace", ["path"] = fullPath, ["value"] = value.DeepClone() }.ToJsonString()));
        yield return ("PATCH", resource, ScimHttp.PatchBody(new JsonObject { ["op"] = "add", ["value"] = new JsonObject { [fullPath] = value.DeepClone() } }.ToJsonString()));
    }

    /// <summary>Puts <paramref name="value"/> at <c>attribute</c> or <c>attribute.sub</c> of a resource body (under the extension URN if given).</summary>
    private static void Place(JsonObject document, string? extension, string path, JsonNode value)
    {
        var container = document;
        if (extension is not null)
        {
            container = new JsonObject();
            document[extension] = container;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            container[path] = value.DeepClone();
            return;
        }

        var (attribute, sub) = (path[..dot], path[(dot + 1)..]);
        var element = new JsonObject { [sub] = value.DeepClone() };
        container[attribute] = WrongValues.IsMultiValued(attribute) ? new JsonArray(element) : element;
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return $"expected 400, got {await response.DescribeAsync()}";
        }

        var body = await response.ReadJsonObjectAsync();
        var isScimError = body["schemas"] is JsonArray schemas && schemas.Any(s => (string?)s == "urn:ietf:params:scim:api:messages:2.0:Error");
        return isScimError && body["status"]?.GetValueKind() == JsonValueKind.String && body["detail"] is not null
            ? null
            : $"not an RFC 7644 error body: {body.ToJsonString()}";
    }

    private static async Task<JsonObject> SchemaAsync(HttpClient scim, string id)
    {
        var schema = await scim.GetResourceAsync($"scim/v2/Schemas/{id}");
        WrongValues.Remember(schema);
        return schema;
    }

    /// <summary>Wrong values per attribute definition, as <c>/Schemas</c> describes it (RFC 7643 §7).</summary>
    private static class WrongValues
    {
        private static readonly HashSet<string> MultiValuedNames = new(StringComparer.OrdinalIgnoreCase);

        public static bool IsMultiValued(string attribute) => MultiValuedNames.Contains(attribute);

        public static void Remember(JsonObject schema)
        {
            foreach (var attribute in schema["attributes"]!.AsArray().OfType<JsonObject>().Where(a => (bool)a["multiValued"]!))
            {
                MultiValuedNames.Add((string)attribute["name"]!);
            }
        }

        public static IEnumerable<(string Path, JsonNode Value)> For(JsonObject schema)
        {
            foreach (var attribute in Writable(schema["attributes"]))
            {
                var name = (string)attribute["name"]!;
                var multiValued = (bool)attribute["multiValued"]!;
                foreach (var value in multiValued ? ForMultiValued(attribute) : ForSingle(attribute))
                {
                    yield return (name, value);
                }

                foreach (var sub in Writable(attribute["subAttributes"]))
                {
                    foreach (var value in ForSingle(sub))
                    {
                        yield return ($"{name}.{(string)sub["name"]!}", value);
                    }
                }
            }
        }

        private static IEnumerable<JsonObject> Writable(JsonNode? attributes) =>
            attributes is JsonArray array
                ? array.OfType<JsonObject>().Where(a => (string?)a["mutability"] is not "readOnly")
                : [];

        private static IEnumerable<JsonNode> ForMultiValued(JsonObject attribute)
        {
            yield return JsonValue.Create("text");
            yield return JsonValue.Create(42);
            yield return JsonValue.Create(true);
            if ((string)attribute["type"]! == "complex")
            {
                yield return new JsonArray("text");
                yield return new JsonArray(new JsonArray());
            }
        }

        private static IEnumerable<JsonNode> ForSingle(JsonObject attribute)
        {
            var type = (string)attribute["type"]!;
            if (type is "dateTime" or "binary")
            {
                yield return JsonValue.Create(type == "dateTime" ? "next Tuesday" : "not base64!");
            }

            var isReferenceObject = type == "complex" && attribute["subAttributes"] is JsonArray subs
                && subs.OfType<JsonObject>().Any(s => (string?)s["name"] == "$ref");
            if (type != "string" && type != "reference" && type != "binary" && type != "dateTime" && !isReferenceObject)
            {
                // A complex attribute that refers to a resource (the enterprise manager) accepts the bare id Entra sends.
                yield return JsonValue.Create("text");
            }

            if (type is not ("integer" or "decimal"))
            {
                yield return JsonValue.Create(42);
            }

            if (type != "boolean")
            {
                yield return JsonValue.Create(false);
            }

            if (type != "complex")
            {
                yield return new JsonObject { ["value"] = "x" };
            }

            if (!isReferenceObject)
            {
                // Entra also sends the manager as an array holding one id.
                yield return new JsonArray(JsonValue.Create("x"));
            }
        }
    }
}
