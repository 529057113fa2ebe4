namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// The state of one simulated line: what the "hardware" is set to, who holds it, what drives it
/// from outside, and the last level it had. Mutated only under the chip's lock.
/// </summary>
internal sealed class SimulatedLine(int offset, string name, bool? resetPull)
{
    /// <summary>The line's offset on the chip.</summary>
    public readonly int Offset = offset;

    /// <summary>The line's name (GPIO0..GPIO53, as on a Raspberry Pi).</summary>
    public readonly string Name = name;

    /// <summary>The driver holding the line; null when free.</summary>
    public SimulatedGpioDriver? Owner;

    /// <summary>The holder's consumer label; empty when free.</summary>
    public string Consumer = string.Empty;

    /// <summary>The configuration in the "hardware": kept after release, as a Raspberry Pi keeps a released output driving.</summary>
    public LineSettings Hardware = LineSettings.Input;

    /// <summary>The logical value an output is set to.</summary>
    public PinValue OutputValue;

    /// <summary>The pull in force: true up, false down, null none (the level floats and holds).</summary>
    public bool? Pull = resetPull;

    /// <summary>A level something outside the chip drives onto the pin (a button, a generator); null when nothing does.</summary>
    public bool? External;

    /// <summary>The line this one is wired to and follows while undriven; -1 for none.</summary>
    public int Source = -1;

    /// <summary>The lines wired to follow this one.</summary>
    public int[] Followers = [];

    /// <summary>The current electrical level.</summary>
    public bool Physical = resetPull ?? false;

    /// <summary>The last logical level reported to the holder (the debounced level for debounced inputs).</summary>
    public bool Reported;

    /// <summary>Edges reported on this line since it was requested.</summary>
    public long LineSequence;

    /// <summary>Bumped whenever the request changes, so a debounce timer armed for an older request does nothing.</summary>
    public int Generation;

    /// <summary>The debounce timer, created once when a request first asks for debounce.</summary>
    public ITimer? DebounceTimer;

    /// <summary>The generation the debounce timer was armed for.</summary>
    public int DebounceGeneration;

    /// <summary>True when held as an input that reports edges or debounces.</summary>
    public bool WatchesInput => Owner is not null
        && Hardware.Direction == LineDirection.Input
        && (Hardware.EdgeDetection != PinEventTypes.None || Hardware.Debounce > TimeSpan.Zero);

    /// <summary>The level the line drives itself, or null when it drives nothing (input, or a released open-drain/open-source output).</summary>
    public bool? Driven()
    {
        if (Hardware.Direction != LineDirection.Output)
        {
            return null;
        }

        var physical = OutputValue.IsHigh ^ Hardware.ActiveLow;
        return Hardware.Drive switch
        {
            LineDrive.OpenDrain => physical ? null : false,
            LineDrive.OpenSource => physical ? true : null,
            _ => physical,
        };
    }
}
