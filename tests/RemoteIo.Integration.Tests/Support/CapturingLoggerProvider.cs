using Microsoft.Extensions.Logging;

namespace RemoteIo.Integration.Tests.Support;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry, for tests that assert log lines.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly SemaphoreSlim _added = new(0);

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose() => _added.Dispose();

    /// <summary>
    /// Waits (bounded) until an entry matches; wakes on every new entry. Asynchronous on purpose: a
    /// blocked pool thread would delay the clients' heartbeat timers on a 2-core machine.
    /// </summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (true)
        {
            var found = Entries.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !await _added.WaitAsync(TimeSpan.FromMilliseconds(left)))
            {
                if (Entries.FirstOrDefault(match) is { } late)
                {
                    return late;
                }

                throw new Xunit.Sdk.XunitException("no log entry matched; entries:\n" + string.Join("\n", Entries.Select(e => e.ToString())));
            }
        }
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _added.Release();
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}";
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), properties, exception));
        }
    }
}
