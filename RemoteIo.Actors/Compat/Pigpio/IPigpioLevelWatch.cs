namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>A running level watch (see <see cref="IPigpioBackend.WatchLevels"/>); dispose it to stop.</summary>
public interface IPigpioLevelWatch : IDisposable
{
    /// <summary>Chooses the GPIOs watched (bit n = GPIO n); changes of others are not reported.</summary>
    /// <param name="gpios">The bank-0 GPIOs to watch; 0 watches none.</param>
    void SetMask(uint gpios);

    /// <summary>
    /// Completes once every GPIO of the masks set so far is watched (or its watch was refused), so
    /// any change after that is reported: NB and WDOG answer only then, as pigpiod reports every
    /// change after their reply.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the connection ended).</param>
    /// <returns>Completes when watching; never faults on a refusal, which is logged instead.</returns>
    ValueTask WhenWatchingAsync(CancellationToken cancellationToken);
}
