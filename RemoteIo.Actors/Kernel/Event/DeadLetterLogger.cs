namespace RemoteIo.Actors.Kernel.Event;

/// <summary>Logs the first dead letters at Info (<c>log-dead-letters</c>), then says it falls silent.</summary>
internal static class DeadLetterLogger
{
    /// <summary>Subscribes the logger; returns null when <paramref name="limit"/> is 0.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="limit">How many dead letters to log.</param>
    /// <param name="duringShutdown">Whether to log while the system terminates.</param>
    /// <returns>The subscription.</returns>
    public static IDisposable? Start(ActorSystem system, int limit, bool duringShutdown)
    {
        if (limit <= 0)
        {
            return null;
        }

        var log = system.CreateLogger(system.DeadLetters.Path.ToString(), typeof(DeadLetterLogger));
        var count = 0;
        return system.EventStream.Subscribe<DeadLetter>(letter =>
        {
            if (system.IsTerminating && !duringShutdown)
            {
                return;
            }

            var n = Interlocked.Increment(ref count);
            if (n <= limit)
            {
                var last = n == limit ? " No more dead letters will be logged." : string.Empty;
                log.Info(
                    "Message [{0}] from {1} to {2} was not delivered. [{3}] dead letters encountered.{4}",
                    letter.Message.GetType().Name,
                    letter.Sender.Path,
                    letter.Recipient.Path,
                    n,
                    last);
            }
        });
    }
}
