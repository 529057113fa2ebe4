using System.Globalization;
using System.Text;

namespace RemoteIo.Actors.Kernel.Event;

/// <summary>
/// A log entry published on the <see cref="EventStream"/>: loggers (the standard-out logger, a
/// bridge to <c>Microsoft.Extensions.Logging</c>, a test) subscribe to it, or to one of its
/// levels (<see cref="Debug"/>, <see cref="Info"/>, <see cref="Warning"/>, <see cref="Error"/>).
/// </summary>
/// <param name="Level">The level of this entry.</param>
/// <param name="LogSource">Who logged: an actor path or the actor system's name.</param>
/// <param name="LogClass">The type that logged (the actor's class).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Cause">The exception being reported, if any.</param>
public abstract record LogEvent(LogLevel Level, string LogSource, Type LogClass, string Message, Exception? Cause)
{
    /// <summary>When it was logged, on the actor system's clock.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The managed thread that logged it.</summary>
    public int ThreadId { get; init; } = Environment.CurrentManagedThreadId;

    /// <summary>Formats as <c>[LEVEL][timestamp][Thread n][source] message</c>, then the exception.</summary>
    /// <returns>The log line.</returns>
    public sealed override string ToString()
    {
        var builder = new StringBuilder()
            .Append('[').Append(Level.ToString().ToUpperInvariant()).Append(']')
            .Append('[').Append(Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(']')
            .Append("[Thread ").Append(ThreadId.ToString("D4", CultureInfo.InvariantCulture)).Append(']')
            .Append('[').Append(LogSource).Append("] ")
            .Append(Message);
        if (Cause is not null)
        {
            builder.Append(Environment.NewLine).Append("Cause: ").Append(Cause);
        }

        return builder.ToString();
    }
}
