namespace AutoRfpHex.TestHost.Logging;

/// <summary>Thread-safe, append-only list of log lines.</summary>
internal sealed class CapturedLog
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }
}
