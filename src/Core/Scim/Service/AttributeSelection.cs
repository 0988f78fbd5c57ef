namespace AutoRfpHex.Core.Scim.Service;

/// <summary>The <c>attributes</c> / <c>excludedAttributes</c> query parameters (RFC 7644 §3.9), names as the client wrote them.</summary>
public sealed record AttributeSelection(IReadOnlyList<string>? Attributes, IReadOnlyList<string>? ExcludedAttributes)
{
    public static readonly AttributeSelection All = new(null, null);

    /// <summary>Both parameters are comma-separated attribute paths; blanks are ignored.</summary>
    public static AttributeSelection FromQuery(string? attributes, string? excludedAttributes) =>
        new(Split(attributes), Split(excludedAttributes));

    /// <summary>The same selection with a group's <c>members</c> left out.</summary>
    public AttributeSelection WithoutMembers()
    {
        if (Attributes is not { } named)
        {
            return new(null, [.. ExcludedAttributes ?? [], "members"]);
        }

        var kept = named.Where(a => !a.Equals("members", StringComparison.OrdinalIgnoreCase) && !a.StartsWith("members.", StringComparison.OrdinalIgnoreCase)).ToList();
        return new(kept.Count > 0 ? kept : ["id"], null);
    }

    private static IReadOnlyList<string>? Split(string? value)
    {
        var names = (value ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length == 0 ? null : names;
    }
}
