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
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex XsdDateTime();

    /// <summary>Parses an xsd:dateTime with at most 7 fractional digits (100 ns, the precision of <see cref="DateTimeOffset"/>).</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null
            && XsdDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    /// <summary>The canonical form: UTC, seven fractional digits, 'Z' (e.g. <c>2026-01-01T00:00:00.0000000Z</c>).</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);
}
