using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// Reads an RFC 7644 §3.5.2 PatchOp body. Member names (<c>Operations</c>, <c>op</c>, <c>path</c>, <c>value</c>) and
/// op values match in any case: Entra sends <c>"Replace"</c>, other clients <c>"replace"</c>.
/// </summary>
internal static class PatchRequestParser
{
    public static IReadOnlyList<PatchOperation> Parse(JsonObject body)
    {
        var schemas = Member(body, "schemas");
        var listed = schemas is JsonArray array && array.Any(s => s?.GetValueKind() == JsonValueKind.String
            && s.GetValue<string>().Equals(ScimSchemaUris.PatchOp, StringComparison.OrdinalIgnoreCase));
        if (!listed)
        {
            throw Syntax($"A PATCH request must list '{ScimSchemaUris.PatchOp}' in \"schemas\".");
        }

        if (Member(body, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            throw Syntax("A PATCH request needs \"Operations\": a non-empty array of operations.");
        }

        return operations.Select((item, index) => Operation(item, index + 1)).ToList();
    }

    private static PatchOperation Operation(JsonNode? item, int number)
    {
        if (item is not JsonObject operation)
        {
            throw Syntax($"PATCH operation {number} must be an object with \"op\", \"path\" and \"value\".");
        }

        var opText = Member(operation, "op") is JsonValue op && op.GetValueKind() == JsonValueKind.String ? op.GetValue<string>() : null;
        var kind = opText?.Trim().ToLowerInvariant() switch
        {
            "add" => PatchOpKind.Add,
            "replace" => PatchOpKind.Replace,
            "remove" => PatchOpKind.Remove,
            _ => (PatchOpKind?)null,
        };
        if (kind is null)
        {
            var sent = opText is not null ? $"not '{opText}'" : Member(operation, "op") is null ? "and it is missing" : "as a string";
            throw Syntax($"PATCH operation {number}: \"op\" must be add, replace or remove, {sent}.");
        }

        var path = Member(operation, "path") switch
        {
            null => null,
            JsonValue p when p.GetValueKind() == JsonValueKind.String => p.GetValue<string>().Trim() is { Length: > 0 } text ? text : null,
            _ => throw Syntax($"PATCH operation {number}: \"path\" must be a string."),
        };

        var hasValue = operation.Any(p => p.Key.Equals("value", StringComparison.OrdinalIgnoreCase));
        if (kind != PatchOpKind.Remove && !hasValue)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"PATCH operation {number}: '{opText}' needs a \"value\".");
        }

        return new PatchOperation(number, kind.Value, path, Member(operation, "value"), hasValue);
    }

    private static JsonNode? Member(JsonObject source, string name) =>
        source.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static ScimException Syntax(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidSyntax, detail);
}
