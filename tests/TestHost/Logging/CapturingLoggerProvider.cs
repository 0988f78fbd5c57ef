using Microsoft.Extensions.Logging;

namespace AutoRfpHex.TestHost.Logging;

/// <summary>Writes every log message (and its exception, in full) of the host into a <see cref="CapturedLog"/>.</summary>
internal sealed class CapturingLoggerProvider(CapturedLog log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, log);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            log.Add(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
