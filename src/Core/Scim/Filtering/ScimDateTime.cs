using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// SCIM dateTime values (RFC 7643 §2.3.5: xsd:dateTime, e.g. <c>2026-01-01T00:00:00Z</c>) as instants.
/// A value without an offset is read as UTC. Filters carry dateTimes in <see cref="Format"/>'s canonical form,
/// whose ordinal order is time order, so a store can compare them as text or as instants.
/// </summary>
public static partial class ScimDateTime
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex XsdDateTime();

    /// <summary>
    /// Parses an xsd:dateTime. Fractional digits beyond the seventh (finer than 100 ns, the precision of
    /// <see cref="DateTimeOffset"/>) are dropped, so a nanosecond timestamp (Java's Instant) is accepted.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        // Fast path for the canonical form filters carry.
        if (text is { Length: 28 } && text[27] == 'Z'
            && DateTimeOffset.TryParseExact(text, CanonicalFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return true;
        }

        instant = default;
        var match = text is null ? null : XsdDateTime().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        var fraction = match.Groups[1];
        var trimmed = fraction.Length > 8 ? text![..(fraction.Index + 8)] + text[(fraction.Index + fraction.Length)..] : text!;
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    /// <summary>The canonical form: UTC, seven fractional digits, 'Z' (e.g. <c>2026-01-01T00:00:00.0000000Z</c>).</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(CanonicalFormat, CultureInfo.InvariantCulture);

    private const string CanonicalFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";
}
