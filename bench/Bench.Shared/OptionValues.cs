using System.Globalization;

namespace AutoRfpHex.Bench.Shared;

/// <summary>Command-line numbers of the benchmarks; a wrong one is a <see cref="FormatException"/> naming it.</summary>
public static class OptionValues
{
    public static int Positive(string text) => Whole(text) is > 0 and var value ? value : throw new FormatException($"'{text}' is not a positive whole number.");

    public static int Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"'{text}' is not a whole number.");

    /// <summary>Comma-separated positive numbers, e.g. <c>1,4,8</c>.</summary>
    public static List<int> PositiveList(string text) => [.. text.Split(',').Select(Positive)];
}
