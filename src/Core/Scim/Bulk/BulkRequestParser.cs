using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>A BulkRequest as read: <c>failOnErrors</c> (null: no limit) and the operations in request order.</summary>
internal sealed record BulkRequest(int? FailOnErrors, IReadOnlyList<BulkOperation> Operations);

/// <summary>
/// Reads an RFC 7644 §3.7 BulkRequest. Two levels of refusal:
/// <list type="bullet">
/// <item>The request as a whole (an exception, nothing runs): <c>schemas</c> without the BulkRequest URN, a missing
/// <c>Operations</c> array, an entry that is not an object, a bad <c>failOnErrors</c>, an unknown top-level member
/// (400 <c>invalidSyntax</c> or <c>invalidValue</c>); a bulkId used twice (400 <c>invalidValue</c>: references to it
/// would be ambiguous); more operations than <see cref="ScimServiceLimits.BulkMaxOperations"/> (413 <c>tooMany</c>).</item>
/// <item>One operation (recorded in <see cref="BulkOperation.Invalid"/>, the others run): a missing or unknown
/// <c>method</c>, a bad <c>path</c>, a POST without <c>bulkId</c>, <c>data</c> missing or not an object (or present on
/// DELETE), <c>version</c> or <c>bulkId</c> not a string, an unknown member (400 <c>invalidSyntax</c> or
/// <c>invalidValue</c>).</item>
/// </list>
/// Member names match in any case (RFC 7643 §2.1) and a JSON null is an absent member, as in SearchRequest bodies.
/// Unknown members are refused so that a misspelt <c>version</c> cannot silently drop an If-Match check.
/// </summary>
internal static class BulkRequestParser
{
    private static readonly string[] RequestMembers = ["schemas", "failOnErrors", "Operations"];
    private static readonly string[] OperationMembers = ["method", "bulkId", "version", "path", "data"];

    /// <exception cref="ScimException">The request as a whole is refused; nothing has been written.</exception>
    public static BulkRequest Parse(JsonObject body, ScimServiceLimits limits)
    {
        var members = Members(body, RequestMembers, "BulkRequest", detail => throw Syntax(detail));
        RequireSchema(members.GetValueOrDefault("schemas"));
        var failOnErrors = members.GetValueOrDefault("failOnErrors") switch
        {
            null => (int?)null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) && number >= 1 => number,
            _ => throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue, "\"failOnErrors\" must be an integer of 1 or more: the number of errors after which processing stops."),
        };
        if (members.GetValueOrDefault("Operations") is not JsonArray entries)
        {
            throw Syntax("A BulkRequest needs \"Operations\": an array of operations, each with \"method\", \"path\" and, except for DELETE, \"data\".");
        }

        if (entries.Count > limits.BulkMaxOperations)
        {
            throw new ScimException(
                413, ScimErrorTypes.TooMany, $"The BulkRequest has {entries.Count} operations; this service accepts at most {limits.BulkMaxOperations} (bulk.maxOperations). Split it into smaller requests.");
        }

        var operations = entries.Select((entry, index) => entry is JsonObject operation
            ? Operation(operation, index)
            : throw Syntax($"Bulk operation {index + 1} must be an object with \"method\", \"path\" and \"data\".")).ToList();
        var duplicate = operations.Where(o => o.BulkId is not null).GroupBy(o => o.BulkId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue,
                $"bulkId '{duplicate.Key}' is used by operations {string.Join(" and ", duplicate.Select(o => o.Index + 1))}; each bulkId must be unique within the request.");
        }

        return new BulkRequest(failOnErrors, operations);
    }

    private static BulkOperation Operation(JsonObject operation, int index)
    {
        var sentMethod = Text(operation, "method");
        var method = sentMethod is null ? null : BulkMethods.Parse(sentMethod);
        var bulkId = Text(operation, "bulkId");
        var invalid = default(ScimException);
        try
        {
            var members = Members(operation, OperationMembers, $"bulk operation {index + 1}", detail => throw Syntax(detail));
            var (path, data, version) = Check(members, method, sentMethod, index);
            var references = new HashSet<string>(StringComparer.Ordinal);
            if (path.BulkIdReference is { } pathReference)
            {
                references.Add(pathReference);
            }

            BulkIdReferences.Collect(data, references);
            return new BulkOperation(index, method, sentMethod, bulkId, version, path, data, references, null);
        }
        catch (ScimException refusal)
        {
            invalid = refusal;
        }

        return new BulkOperation(index, method, sentMethod, bulkId, null, null, null, new HashSet<string>(), invalid);
    }

    private static (BulkPath Path, JsonObject? Data, string? Version) Check(
        Dictionary<string, JsonNode> members, BulkMethod? method, string? sentMethod, int index)
    {
        var number = index + 1;
        if (method is not { } known)
        {
            throw sentMethod is null
                ? Syntax($"Bulk operation {number} needs \"method\": POST, PUT, PATCH or DELETE.")
                : ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Bulk operation {number}: \"method\" must be POST, PUT, PATCH or DELETE, not '{sentMethod}'.");
        }

        var bulkId = StringMember(members, "bulkId", number);
        if (known == BulkMethod.Post && string.IsNullOrEmpty(bulkId))
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.InvalidValue, $"Bulk operation {number}: a POST needs a non-empty \"bulkId\", by which the response reports the new resource.");
        }

        var version = StringMember(members, "version", number);
        var pathText = StringMember(members, "path", number)
            ?? throw Syntax($"Bulk operation {number} needs \"path\", e.g. \"/Users\" for a POST or \"/Users/{{id}}\" otherwise.");
        var path = BulkPath.Parse(pathText, known, number);
        var data = members.GetValueOrDefault("data");
        return (known, data) switch
        {
            (BulkMethod.Delete, null) => (path, null, version),
            (BulkMethod.Delete, _) => throw Syntax($"Bulk operation {number}: a DELETE takes no \"data\"."),
            (_, JsonObject body) => (path, body, version),
            (_, null) => throw Syntax($"Bulk operation {number}: a {known.Wire()} needs \"data\", the body the single {known.Wire()} request would have."),
            _ => throw Syntax($"Bulk operation {number}: \"data\" must be a JSON object, the body the single {known.Wire()} request would have."),
        };
    }

    /// <summary>The members by their canonical names; <paramref name="refuse"/> is called for unknown or repeated names.</summary>
    private static Dictionary<string, JsonNode> Members(JsonObject body, string[] names, string what, Action<string> refuse)
    {
        var members = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (key, value) in body)
        {
            var name = names.FirstOrDefault(m => m.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                unknown.Add($"'{key}'");
            }
            else if (!seen.Add(name))
            {
                refuse($"\"{name}\" appears more than once in {what} (member names are case-insensitive).");
            }
            else if (value is not null)
            {
                members[name] = value;
            }
        }

        if (unknown.Count > 0)
        {
            refuse($"Unknown member(s) {string.Join(", ", unknown)} in {what}; its members are {string.Join(", ", names)}.");
        }

        return members;
    }

    /// <summary>A string member read leniently, for echoing (<c>method</c>, <c>bulkId</c>) even when the operation is refused.</summary>
    private static string? Text(JsonObject operation, string name) =>
        operation.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
        && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static string? StringMember(Dictionary<string, JsonNode> members, string name, int number) => members.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Syntax($"Bulk operation {number}: \"{name}\" must be a string."),
    };

    private static void RequireSchema(JsonNode? schemas)
    {
        var listed = schemas is JsonArray array && array.Any(s => s?.GetValueKind() == JsonValueKind.String
            && s.GetValue<string>().Equals(ScimSchemaUris.BulkRequest, StringComparison.OrdinalIgnoreCase));
        if (!listed)
        {
            throw Syntax($"A BulkRequest must list '{ScimSchemaUris.BulkRequest}' in \"schemas\".");
        }
    }

    private static ScimException Syntax(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, detail);
}
