namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>A running level watch (see <see cref="IPigpioBackend.WatchLevels"/>); dispose it to stop.</summary>
public interface IPigpioLevelWatch : IDisposable
{
    /// <summary>Chooses the GPIOs watched (bit n = GPIO n); changes of others are not reported.</summary>
    /// <param name="gpios">The bank-0 GPIOs to watch; 0 watches none.</param>
    void SetMask(uint gpios);
}
