namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>Receives level changes of watched GPIOs from an <see cref="IPigpioBackend"/>.</summary>
public interface IPigpioLevelObserver
{
    /// <summary>A watched GPIO changed level. Must return quickly; it is called on the backend's thread.</summary>
    /// <param name="tick">The microsecond tick of the change, on the clock of <see cref="IPigpioBackend.Tick"/>.</param>
    /// <param name="levels">The levels of GPIO 0-31 after the change (bit n set = GPIO n high).</param>
    void OnLevelsChanged(uint tick, uint levels);
}
