namespace AutoRfpHex.Bench.Shared;

/// <summary>Timings of one kind of request, in milliseconds; percentiles by the nearest-rank method.</summary>
public sealed record Latency(IReadOnlyList<double> Milliseconds)
{
    public int Samples => Milliseconds.Count;

    public double Median => Percentile(50);

    public double P99 => Percentile(99);

    public double Percentile(double percent)
    {
        if (Milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
