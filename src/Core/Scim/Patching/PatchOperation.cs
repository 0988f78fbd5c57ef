using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Patching;

internal enum PatchOpKind
{
    Add,
    Replace,
    Remove,
}

/// <summary>One entry of a PatchOp's <c>Operations</c>, structurally checked.</summary>
/// <param name="Number">1-based position in the request, for error details.</param>
/// <param name="Path">The trimmed path; null when absent or blank (the target is then the resource itself).</param>
/// <param name="HasValue">Whether <c>value</c> was present, to tell <c>"value": null</c> from no value.</param>
internal sealed record PatchOperation(int Number, PatchOpKind Kind, string? Path, JsonNode? Value, bool HasValue)
{
    public override string ToString() => $"operation {Number} ({Kind.ToString().ToLowerInvariant()} {(Path is null ? "with no path" : $"'{Path}'")})";
}
