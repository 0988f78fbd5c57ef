using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// Reads an RFC 7644 §3.4.3 SearchRequest body (<c>POST …/.search</c>) into the <see cref="ScimListRequest"/> the same
/// GET parameters would give, so a search answers exactly what the equivalent GET answers. Rules:
/// <list type="bullet">
/// <item><c>schemas</c> must list the SearchRequest URN (else 400 <c>invalidSyntax</c>, as for PATCH bodies).</item>
/// <item>Member names match in any case (RFC 7643 §2.1); a JSON null is the same as leaving the member out (§2.5).</item>
/// <item><c>attributes</c>/<c>excludedAttributes</c>: arrays of names (the RFC's form) or, leniently, one comma-separated
/// string (the query form). Both may be given, as on GET.</item>
/// <item><c>filter</c>, <c>sortBy</c>, <c>sortOrder</c>, <c>cursor</c> (RFC 9865) are strings; <c>startIndex</c> and
/// <c>count</c> 32-bit integers. A value of another JSON type is 400 <c>invalidValue</c> naming the member: a string
/// "10" is not silently read as a number.</item>
/// <item>Any other member is 400 <c>invalidSyntax</c> naming it: a misspelt <c>filtr</c> must not turn a lookup into a
/// listing of everything (the same stance as unknown attributes in resource bodies).</item>
/// </list>
/// </summary>
internal static class SearchRequestParser
{
    private static readonly string[] Members =
        ["schemas", "attributes", "excludedAttributes", "filter", "sortBy", "sortOrder", "startIndex", "count", "cursor"];

    /// <exception cref="ScimException">400 <c>invalidSyntax</c> or <c>invalidValue</c>, before anything is read from the store.</exception>
    public static ScimListRequest Parse(JsonObject body)
    {
        var members = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (key, value) in body)
        {
            var name = Members.FirstOrDefault(m => m.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                unknown.Add($"'{key}'");
            }
            else if (!seen.Add(name))
            {
                throw Syntax($"\"{name}\" appears more than once in the SearchRequest (member names are case-insensitive).");
            }
            else if (value is not null)
            {
                members[name] = value;
            }
        }

        if (unknown.Count > 0)
        {
            throw Syntax($"Unknown SearchRequest member(s) {string.Join(", ", unknown)}; the members are {string.Join(", ", Members)}.");
        }

        RequireSchema(members.GetValueOrDefault("schemas"));
        return new ScimListRequest(
            Text(members, "filter"),
            Text(members, "sortBy"),
            Text(members, "sortOrder"),
            Integer(members, "startIndex"),
            Integer(members, "count"),
            AttributeSelection.FromQuery(Names(members, "attributes"), Names(members, "excludedAttributes")),
            Text(members, "cursor"));
    }

    private static void RequireSchema(JsonNode? schemas)
    {
        var listed = schemas is JsonArray array && array.Any(s => s?.GetValueKind() == JsonValueKind.String
            && s.GetValue<string>().Equals(ScimSchemaUris.SearchRequest, StringComparison.OrdinalIgnoreCase));
        if (!listed)
        {
            throw Syntax($"A SearchRequest must list '{ScimSchemaUris.SearchRequest}' in \"schemas\".");
        }
    }

    private static string? Text(Dictionary<string, JsonNode> members, string name) => members.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw WrongType(name, "a string", other),
    };

    private static int? Integer(Dictionary<string, JsonNode> members, string name) => members.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
        var other => throw WrongType(name, "a 32-bit integer", other),
    };

    /// <summary>The names joined by commas: the query parameter's form, which <see cref="AttributeSelection.FromQuery"/> reads.</summary>
    private static string? Names(Dictionary<string, JsonNode> members, string name)
    {
        const string expected = "an array of attribute names (strings)";
        switch (members.GetValueOrDefault(name))
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonArray array:
                var names = new List<string>();
                foreach (var (element, index) in array.Select((e, i) => (e, i)))
                {
                    names.Add(element?.GetValueKind() == JsonValueKind.String
                        ? element.GetValue<string>()
                        : throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"SearchRequest \"{name}\" must be {expected}, but element {index + 1} is {Describe(element)}."));
                }

                return string.Join(",", names);
            case var other:
                throw WrongType(name, expected, other);
        }
    }

    private static ScimException WrongType(string name, string expected, JsonNode node) =>
        ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"SearchRequest \"{name}\" must be {expected}, not {Describe(node)}.");

    /// <summary>What was sent, short: the JSON text of a small value, else its kind.</summary>
    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ when node.ToJsonString() is { Length: <= 40 } json => json,
        _ => "a long " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    private static ScimException Syntax(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, detail);
}
