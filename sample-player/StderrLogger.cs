using Microsoft.Extensions.Logging;

namespace Decryptor.SamplePlayer;

/// <summary>
/// A one-line-per-message logger on stderr. The console logging package starts a background
/// writer and reads configuration, which costs more than a short command's whole run.
/// </summary>
internal sealed class StderrLogger(TextWriter error, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warning",
            LogLevel.Error => "error",
            _ => "critical",
        };
        lock (error)
        {
            error.WriteLine($"sample-player: {level}: {formatter(state, exception)}");
        }
    }
}
