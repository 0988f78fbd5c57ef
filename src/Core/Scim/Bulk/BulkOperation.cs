using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// One entry of a BulkRequest's <c>Operations</c>, as read. An entry whose own members are wrong keeps what could be
/// read (to echo <c>method</c> and <c>bulkId</c>) and its refusal in <see cref="Invalid"/>: it fails alone, in its
/// turn, and the other operations still run (RFC 7644 §3.7.3).
/// </summary>
/// <param name="Index">0-based position in the request.</param>
/// <param name="Method">Null when missing or not one of the four.</param>
/// <param name="SentMethod">The <c>method</c> string as sent, echoed when it is not one of the four.</param>
/// <param name="References">The bulkIds the path and the data name (<c>"bulkId:xyz"</c> values), without the prefix.</param>
internal sealed record BulkOperation(
    int Index,
    BulkMethod? Method,
    string? SentMethod,
    string? BulkId,
    string? Version,
    BulkPath? Path,
    JsonObject? Data,
    IReadOnlySet<string> References,
    ScimException? Invalid)
{
    /// <summary>The bulkId this operation gives the resource it creates, if it is a POST.</summary>
    public string? DefinedBulkId => Method == BulkMethod.Post ? BulkId : null;

    /// <summary>"operation 3 (PATCH /Groups/bulkId:qwerty)", for error details.</summary>
    public string Describe() =>
        $"operation {Index + 1}{(Method is { } method && Path is not null ? $" ({method.Wire()} {Path})" : string.Empty)}";
}
