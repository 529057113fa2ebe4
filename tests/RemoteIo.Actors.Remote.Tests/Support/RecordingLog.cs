using System.Collections.Concurrent;
using RemoteIo.Actors.Remote.Links;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Keeps every log line (and echoes it to the test output when given one).</summary>
internal sealed class RecordingLog(string name, ITestOutputHelper? output = null) : IRemoteLog
{
    /// <summary>Every line, in order.</summary>
    private readonly ConcurrentQueue<(RemoteLogLevel Level, string Message)> _lines = new();

    /// <summary>Every line so far.</summary>
    public IReadOnlyList<(RemoteLogLevel Level, string Message)> Lines => [.. _lines];

    public bool IsEnabled(RemoteLogLevel level) => true;

    public void Log(RemoteLogLevel level, string message, Exception? exception = null)
    {
        _lines.Enqueue((level, message));
        try
        {
            output?.WriteLine($"[{name}] {level}: {message}");
        }
        catch (InvalidOperationException)
        {
            // the test already finished; background lines after it are not interesting
        }
    }

    /// <summary>Whether a line at <paramref name="level"/> contains <paramref name="text"/>.</summary>
    public bool Contains(RemoteLogLevel level, string text) => _lines.Any(l => l.Level == level && l.Message.Contains(text, StringComparison.Ordinal));
}
