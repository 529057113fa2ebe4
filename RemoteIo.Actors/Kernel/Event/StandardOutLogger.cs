namespace RemoteIo.Actors.Kernel.Event;

/// <summary>
/// Writes log entries at or above a level to standard output (<c>stdout-loglevel</c>), so a
/// system without any other logger still shows its warnings and errors.
/// </summary>
internal static class StandardOutLogger
{
    /// <summary>Subscribes the logger; returns null when <paramref name="minimumLevel"/> is <see cref="LogLevel.Off"/>.</summary>
    /// <param name="stream">The event stream to listen to.</param>
    /// <param name="minimumLevel">The lowest level written.</param>
    /// <returns>The subscription, to dispose at termination.</returns>
    public static IDisposable? Start(EventStream stream, LogLevel minimumLevel) =>
        minimumLevel == LogLevel.Off
            ? null
            : stream.Subscribe<LogEvent>(e =>
            {
                if (e.Level >= minimumLevel)
                {
                    Console.Out.WriteLine(e.ToString());
                }
            });
}
