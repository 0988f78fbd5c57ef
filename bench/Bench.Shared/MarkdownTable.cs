using System.Text;

namespace AutoRfpHex.Bench.Shared;

/// <summary>A markdown table, readable as printed on the console and as the report file.</summary>
public static class MarkdownTable
{
    /// <param name="textColumns">How many leading columns hold text (left-aligned); the others hold figures.</param>
    public static void Append(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select((_, i) => i < textColumns ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
    }
}
