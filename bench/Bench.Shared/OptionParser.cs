namespace AutoRfpHex.Bench.Shared;

/// <summary>The argument loop both benchmarks share: options in any order, a value after the options that take one.</summary>
public static class OptionParser
{
    /// <param name="apply">Applies one option to the options so far; reads its value through the function it gets.</param>
    /// <returns>The options, or null (with <paramref name="error"/>) when an argument or its value is wrong.</returns>
    public static T? Parse<T>(IReadOnlyList<string> args, T defaults, Func<string, Func<string>, T, T> apply, out string? error)
        where T : class
    {
        var options = defaults;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            try
            {
                options = apply(name, Value, options);
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        return options;
    }

    /// <summary>Whether the sizes grow strictly: the benchmarks grow one organization (or nest groups) size by size.</summary>
    public static bool StrictlyAscending(IReadOnlyList<int> sizes) =>
        sizes.SequenceEqual(sizes.Order()) && sizes.Distinct().Count() == sizes.Count;
}
