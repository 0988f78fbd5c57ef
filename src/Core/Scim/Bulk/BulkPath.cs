using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>
/// An operation's <c>path</c>: a resource type endpoint (<c>/Users</c>, <c>/Groups</c>) for POST, a resource
/// (<c>/Users/{id}</c>, <c>/Groups/bulkId:qwerty</c>) for the others. Endpoint names match in any case, like the
/// routes; the id is percent-decoded. Query strings and other endpoints are refused: a bulk operation is a write.
/// </summary>
internal sealed record BulkPath(ScimResourceType Type, string? Id)
{
    public const string BulkIdPrefix = "bulkId:";

    public string Endpoint => Type == ScimResourceType.User ? "Users" : "Groups";

    /// <summary>The bulkId a <c>/Groups/bulkId:xyz</c> path names, or null for a plain id or a collection.</summary>
    public string? BulkIdReference => Id is not null && Id.StartsWith(BulkIdPrefix, StringComparison.Ordinal) ? Id[BulkIdPrefix.Length..] : null;

    public override string ToString() => Id is null ? $"/{Endpoint}" : $"/{Endpoint}/{Id}";

    /// <exception cref="ScimException">400 <c>invalidValue</c> saying what the path should look like.</exception>
    public static BulkPath Parse(string path, BulkMethod method, int number)
    {
        var collection = method == BulkMethod.Post;
        var expected = collection ? "\"/Users\" or \"/Groups\"" : "\"/Users/{id}\" or \"/Groups/{id}\" (the id may be \"bulkId:<bulkId>\")";
        var segments = path.StartsWith('/') && path.IndexOfAny(['?', '#']) < 0 ? path[1..].Split('/') : [];
        var type = segments.Length == 0 ? null
            : segments[0].Equals("Users", StringComparison.OrdinalIgnoreCase) ? ScimResourceType.User
            : segments[0].Equals("Groups", StringComparison.OrdinalIgnoreCase) ? (ScimResourceType?)ScimResourceType.Group
            : null;
        var id = segments.Length == 2 && segments[1].Length > 0 ? Unescape(segments[1]) : null;
        var fits = type is not null && (collection ? segments.Length == 1 : id is not null);
        return fits
            ? new BulkPath(type!.Value, id)
            : throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Bulk operation {number}: a {method.Wire()}'s \"path\" must be {expected}, not \"{Shorten(path)}\".");
    }

    private static string? Unescape(string segment) =>
        Uri.UnescapeDataString(segment) is { Length: > 0 } id && !id.Any(char.IsControl) ? id : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
