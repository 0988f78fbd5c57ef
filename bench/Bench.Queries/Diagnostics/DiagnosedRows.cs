using System.Globalization;
using System.Text;

namespace AutoRfpHex.Bench.Queries.Diagnostics;

/// <summary>
/// The rows of a size that carry the store's diagnosis (the listing walks have none: many pages, no one query), and the
/// section listing what the store ran for each of them.
/// </summary>
internal static class DiagnosedRows
{
    public static List<int> Of(SizeMeasurement size) =>
        [.. Enumerable.Range(0, size.Queries.Count).Where(i => size.Queries[i].Diagnosis is not null)];

    /// <summary>A section with, per diagnosed query, one code block of what the store ran for it at the largest size.</summary>
    public static void AppendCode(StringBuilder text, string title, string language, IReadOnlyList<SizeMeasurement> sizes, Func<QueryMeasurement, IEnumerable<string>> code)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        foreach (var i in Of(sizes[0]))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**{sizes[0].Queries[i].Name}**").AppendLine().AppendLine("```" + language);
            foreach (var line in code(sizes[^1].Queries[i]))
            {
                text.AppendLine(line);
            }

            text.AppendLine("```").AppendLine();
        }
    }
}
