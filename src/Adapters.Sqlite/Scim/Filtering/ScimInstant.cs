using System.Globalization;
using System.Text.RegularExpressions;
using AutoRfpHex.Adapters.Sqlite.Database;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// SCIM dateTime (RFC 7643 §2.3.5, xsd:dateTime) as Core reads it: date, 'T', time, up to 7 fractional digits, an
/// optional 'Z' or ±hh:mm offset (none means UTC). Turned into <see cref="SqliteTime"/>'s canonical text, whose
/// text order is time order.
/// </summary>
internal static partial class ScimInstant
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex XsdDateTime();

    public static string? Canonical(object? value) =>
        value is string text && XsdDateTime().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? SqliteTime.ToText(instant)
            : null;
}
