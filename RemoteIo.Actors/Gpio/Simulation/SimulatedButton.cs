namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// A push button on a simulated line: pressed, it drives the pin to <see cref="PressedLevel"/>
/// (low for the usual button to ground with a pull-up); released, it lets go and the pull decides.
/// Presses and releases may bounce: the contact chatters through the given intervals, on the
/// chip's clock, before it settles — what debounce is for.
/// </summary>
public sealed class SimulatedButton
{
    /// <summary>The chip the button is wired to.</summary>
    private readonly SimulatedGpioChip _chip;

    /// <summary>Serialises presses and releases, and guards the pending bounce timers.</summary>
    private readonly Lock _gate = new();

    /// <summary>Timers of a bounce still playing out; a new press or release cancels them.</summary>
    private readonly List<ITimer> _pending = [];

    /// <summary>Wires a button to <paramref name="line"/> of <paramref name="chip"/>.</summary>
    /// <param name="chip">The chip.</param>
    /// <param name="line">The line the button pulls.</param>
    /// <param name="pressedLevel">The level a closed contact drives (low for a button to ground).</param>
    public SimulatedButton(SimulatedGpioChip chip, int line, PinValue pressedLevel = default)
    {
        ArgumentNullException.ThrowIfNull(chip);
        if ((uint)line >= (uint)chip.LineCount)
        {
            throw new GpioInvalidArgumentException($"line {line} does not exist: the simulated chip has lines 0..{chip.LineCount - 1}");
        }

        _chip = chip;
        Line = line;
        PressedLevel = pressedLevel;
    }

    /// <summary>The line the button is wired to.</summary>
    public int Line { get; }

    /// <summary>The level the closed contact drives.</summary>
    public PinValue PressedLevel { get; }

    /// <summary>Closes the contact now; with <paramref name="bounce"/>, it opens and closes again after each interval in turn and ends closed.</summary>
    /// <param name="bounce">Intervals of chatter (each flips the contact), e.g. 200 µs, 150 µs, 300 µs.</param>
    public void Press(params TimeSpan[] bounce) => Play(pressed: true, bounce);

    /// <summary>Opens the contact now; with <paramref name="bounce"/>, it closes and opens again after each interval in turn and ends open.</summary>
    /// <param name="bounce">Intervals of chatter.</param>
    public void Release(params TimeSpan[] bounce) => Play(pressed: false, bounce);

    /// <summary>Starts a press or release and schedules its bounce on the chip's clock.</summary>
    private void Play(bool pressed, TimeSpan[] bounce)
    {
        ArgumentNullException.ThrowIfNull(bounce);
        if (bounce.Any(d => d <= TimeSpan.Zero))
        {
            throw new GpioInvalidArgumentException("bounce intervals must be positive");
        }

        lock (_gate)
        {
            foreach (var timer in _pending)
            {
                timer.Dispose();
            }

            _pending.Clear();
            Set(pressed);
            var at = TimeSpan.Zero;
            var contact = pressed;
            foreach (var interval in bounce)
            {
                at += interval;
                contact = !contact;
                var state = contact;
                _pending.Add(_chip.Clock.CreateTimer(_ => Set(state), null, at, Timeout.InfiniteTimeSpan));
            }

            if (contact != pressed)
            {
                // An odd number of flips left the contact in the wrong state: it settles one interval later.
                at += bounce[^1];
                _pending.Add(_chip.Clock.CreateTimer(_ => Set(pressed), null, at, Timeout.InfiniteTimeSpan));
            }
        }
    }

    /// <summary>Closes (drives) or opens (releases) the contact.</summary>
    private void Set(bool closed)
    {
        if (closed)
        {
            _chip.DriveExternal(Line, PressedLevel);
        }
        else
        {
            _chip.ReleaseExternal(Line);
        }
    }
}
