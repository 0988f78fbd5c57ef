using System.Globalization;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// Instants are stored as fixed-width UTC ISO-8601 text with 100 ns precision: readable in the file, exact on
/// round trip, and ordered correctly by plain text comparison (so range queries use the indexes).
/// </summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTimeOffset? instant) => instant is { } value ? ToText(value) : null;

    public static DateTimeOffset FromText(string text) =>
        new(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
