using System.Diagnostics.CodeAnalysis;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>The host's observer messages (edge, drop notice, watchdog) as <see cref="PinEvent"/>s.</summary>
internal static class ObserverEvents
{
    /// <summary>Converts an observer message; false for any other message.</summary>
    /// <param name="message">An inbound message for the client actor.</param>
    /// <param name="pinEvent">The event, when it was one.</param>
    /// <returns>True when <paramref name="message"/> is an observer event.</returns>
    public static bool TryConvert(object message, [NotNullWhen(true)] out PinEvent? pinEvent)
    {
        pinEvent = message switch
        {
            PinEdge edge => new PinEvent((int)edge.Gpio, PinEventKind.Edge, edge.Level, edge.TimestampNs, edge.Sequence),
            EventsDropped dropped => new PinEvent((int)dropped.Gpio, PinEventKind.Dropped, false, 0, dropped.FirstDroppedSequence) { Dropped = dropped.Dropped },
            PinWatchdog watchdog => new PinEvent((int)watchdog.Gpio, PinEventKind.Watchdog, watchdog.Level, watchdog.TimestampNs, 0) { SilentFor = TimeSpan.FromMicroseconds(watchdog.SilentForUs) },
            _ => null,
        };
        return pinEvent is not null;
    }
}
