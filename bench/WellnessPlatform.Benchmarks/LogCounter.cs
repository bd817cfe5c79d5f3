using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Counts the host's warnings and errors by category and message, and prints the first few of each on
/// stderr (one line, no stack trace): a retried storage write under load is a figure, not noise.
/// </summary>
internal sealed class LogCounter : ILoggerProvider
{
    private const int PrintedPerMessage = 3;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public long Count(string messageStart) => _counts.Where(kv => kv.Key.Contains(messageStart, StringComparison.Ordinal)).Sum(kv => kv.Value);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCounter counter, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // Orleans' messages name grain ids (which hold person ids) after the first words: keep those words.
            var message = formatter(state, exception);
            var key = $"{logLevel} {category.Split('.')[^1]}: {message[..Math.Min(message.Length, 60)]}";
            if (counter._counts.AddOrUpdate(key, 1, (_, n) => n + 1) <= PrintedPerMessage)
            {
                var first = exception?.Message.Split('\n')[0] ?? string.Empty;
                var reason = exception is null ? string.Empty : $" ({exception.GetType().Name}: {first[..Math.Min(first.Length, 120)]})";
                Console.Error.WriteLine($"  {key}{reason}");
            }
        }
    }
}
