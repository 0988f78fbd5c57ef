namespace AutoRfpHex.Core.Scim.Rendering;

/// <summary>
/// Entity tags derived from the stored version (RFC 7644 §3.14): weak, <c>W/"7"</c>, because the representation
/// varies with projection while the version does not.
/// </summary>
internal static class EntityTag
{
    public static string Format(long version) => $"W/\"{version}\"";

    /// <summary>The versions an <c>If-Match</c> header names; null when it is absent or <c>*</c> (any version).</summary>
    public static IReadOnlyList<string>? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        return header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(tag => tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase) ? tag[2..] : tag)
            .Select(tag => tag.Trim('"'))
            .ToList();
    }

    /// <summary>412 when the stored version is not one the client named (weak comparison, RFC 9110 §13.1.1).</summary>
    public static void EnsureMatches(IReadOnlyList<string>? expected, long version, string resource)
    {
        if (expected is not null && !expected.Contains(version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            throw new ScimException(
                412, null, $"{resource} has changed: it is at version {Format(version)}, not {string.Join(", ", expected.Select(e => $"W/\"{e}\""))} named by If-Match. Read it again and retry.");
        }
    }
}
