namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// What a line does over time, as the <see cref="EdgeScheduler"/> runs it: a constant level, a
/// square wave, PWM or a PWM fade, from an explicit start timestamp to an optional end timestamp,
/// then a final level. All times are nanoseconds on the scheduler's clock.
/// </summary>
/// <remarks>
/// Every edge is computed from <see cref="StartNanoseconds"/> (edge <c>k</c> of a PWM is at
/// <c>start + round(k × period)</c>), never from the previous edge, so a waveform cannot drift,
/// however late a thread wakes. A start in the past is honoured by phase: a blink whose start was
/// 150 ms ago with 100 ms on / 100 ms off begins in its off phase, so a command chained onto the
/// end of the previous one continues the exact time grid.
/// </remarks>
public readonly record struct Waveform
{
    /// <summary>The <see cref="EndNanoseconds"/> of a waveform that runs until it is replaced or cancelled.</summary>
    public const long NoEnd = long.MaxValue;

    /// <summary>The shape.</summary>
    public WaveformKind Kind { get; init; }

    /// <summary>The level of a <see cref="WaveformKind.Constant"/> waveform.</summary>
    public PinValue Level { get; init; }

    /// <summary>The high time of a <see cref="WaveformKind.Square"/> wave, in nanoseconds.</summary>
    public long HighNanoseconds { get; init; }

    /// <summary>The low time of a <see cref="WaveformKind.Square"/> wave, in nanoseconds.</summary>
    public long LowNanoseconds { get; init; }

    /// <summary>The PWM frequency of <see cref="WaveformKind.Pwm"/> and <see cref="WaveformKind.Fade"/>, in hertz.</summary>
    public double FrequencyHz { get; init; }

    /// <summary>The duty cycle of <see cref="WaveformKind.Pwm"/>, 0..1 (0 is constant low, 1 constant high).</summary>
    public double DutyCycle { get; init; }

    /// <summary>How long a <see cref="WaveformKind.Fade"/> takes from duty 0 to 1, in nanoseconds.</summary>
    public long FadeInNanoseconds { get; init; }

    /// <summary>How long a <see cref="WaveformKind.Fade"/> takes from duty 1 back to 0, in nanoseconds.</summary>
    public long FadeOutNanoseconds { get; init; }

    /// <summary>The duty of a fade changes in steps of this many nanoseconds (0: every PWM period).</summary>
    public long FadeStepNanoseconds { get; init; }

    /// <summary>When the waveform starts (its phase origin), on the scheduler's clock.</summary>
    public long StartNanoseconds { get; init; }

    /// <summary>When it ends, or <see cref="NoEnd"/>.</summary>
    public long EndNanoseconds { get; init; }

    /// <summary>The level the line is left at when the waveform reaches its end or is cancelled.</summary>
    public PinValue FinalLevel { get; init; }

    /// <summary>True when the waveform has an end timestamp.</summary>
    public bool HasEnd => EndNanoseconds != NoEnd;

    /// <summary>A level held from <paramref name="start"/> (to <paramref name="end"/>, then <paramref name="finalLevel"/>): on, off, an impulse.</summary>
    /// <param name="level">The level.</param>
    /// <param name="start">Start timestamp in nanoseconds.</param>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Constant(PinValue level, long start, long end = NoEnd, PinValue finalLevel = default) =>
        Checked(new Waveform { Kind = WaveformKind.Constant, Level = level, StartNanoseconds = start, EndNanoseconds = end, FinalLevel = finalLevel });

    /// <summary>A square wave: high for <paramref name="high"/>, low for <paramref name="low"/>, repeated, starting high (blink).</summary>
    /// <param name="high">High time (positive).</param>
    /// <param name="low">Low time (positive).</param>
    /// <param name="start">Start timestamp in nanoseconds.</param>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Square(TimeSpan high, TimeSpan low, long start, long end = NoEnd, PinValue finalLevel = default) =>
        Square(ClockTime.ToNanoseconds(high), ClockTime.ToNanoseconds(low), start, end, finalLevel);

    /// <summary>A square wave with nanosecond times (servo pulses: 1500 µs high, 18500 µs low).</summary>
    /// <param name="highNanoseconds">High time (positive).</param>
    /// <param name="lowNanoseconds">Low time (positive).</param>
    /// <param name="start">Start timestamp in nanoseconds.</param>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Square(long highNanoseconds, long lowNanoseconds, long start, long end = NoEnd, PinValue finalLevel = default) =>
        Checked(new Waveform
        {
            Kind = WaveformKind.Square,
            HighNanoseconds = highNanoseconds,
            LowNanoseconds = lowNanoseconds,
            StartNanoseconds = start,
            EndNanoseconds = end,
            FinalLevel = finalLevel,
        });

    /// <summary>PWM at <paramref name="frequencyHz"/> with a fixed duty cycle; each period starts high.</summary>
    /// <param name="frequencyHz">Frequency, above 0 and at most 1 MHz.</param>
    /// <param name="dutyCycle">Duty 0..1.</param>
    /// <param name="start">Start timestamp in nanoseconds (the phase origin of every period).</param>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Pwm(double frequencyHz, double dutyCycle, long start, long end = NoEnd, PinValue finalLevel = default) =>
        Checked(new Waveform
        {
            Kind = WaveformKind.Pwm,
            FrequencyHz = frequencyHz,
            DutyCycle = dutyCycle,
            StartNanoseconds = start,
            EndNanoseconds = end,
            FinalLevel = finalLevel,
        });

    /// <summary>
    /// A PWM fade: duty ramps linearly 0→1 over <paramref name="fadeIn"/>, then 1→0 over
    /// <paramref name="fadeOut"/>, repeated (gpiozero's and remoteio's <c>pulse</c>).
    /// </summary>
    /// <param name="frequencyHz">PWM frequency, above 0 and at most 1 MHz.</param>
    /// <param name="fadeIn">Time from dark to full.</param>
    /// <param name="fadeOut">Time from full to dark.</param>
    /// <param name="fadeStep">The duty changes in steps of this length (zero: every PWM period).</param>
    /// <param name="start">Start timestamp in nanoseconds.</param>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Fade(double frequencyHz, TimeSpan fadeIn, TimeSpan fadeOut, TimeSpan fadeStep, long start, long end = NoEnd, PinValue finalLevel = default) =>
        Checked(new Waveform
        {
            Kind = WaveformKind.Fade,
            FrequencyHz = frequencyHz,
            FadeInNanoseconds = ClockTime.ToNanoseconds(fadeIn),
            FadeOutNanoseconds = ClockTime.ToNanoseconds(fadeOut),
            FadeStepNanoseconds = ClockTime.ToNanoseconds(fadeStep),
            StartNanoseconds = start,
            EndNanoseconds = end,
            FinalLevel = finalLevel,
        });

    /// <summary>Returns a copy that ends <paramref name="duration"/> after its start.</summary>
    /// <param name="duration">A positive duration.</param>
    /// <returns>The waveform.</returns>
    public Waveform WithDuration(TimeSpan duration) => Checked(this with { EndNanoseconds = StartNanoseconds + ClockTime.ToNanoseconds(duration) });

    /// <summary>Returns a copy with another end timestamp.</summary>
    /// <param name="end">End timestamp, or <see cref="NoEnd"/>.</param>
    /// <returns>The waveform.</returns>
    public Waveform WithEnd(long end) => Checked(this with { EndNanoseconds = end });

    /// <summary>Returns a copy with another start timestamp (the end moves along, keeping the duration).</summary>
    /// <param name="start">Start timestamp.</param>
    /// <returns>The waveform.</returns>
    public Waveform WithStart(long start) =>
        Checked(this with { StartNanoseconds = start, EndNanoseconds = HasEnd ? EndNanoseconds - StartNanoseconds + start : NoEnd });

    /// <summary>
    /// Whether a queued waveform taken over at <paramref name="now"/> is too late to keep its planned
    /// start: later than <paramref name="toleranceNanoseconds"/>, or by half its duration or more
    /// (a short command is never left at a sliver). The one lateness rule of every engine that
    /// chains queued waveforms (the edge lanes, hardware PWM channels); each passes the tolerance of
    /// its own clock source.
    /// </summary>
    /// <param name="now">The instant it is taken over.</param>
    /// <param name="toleranceNanoseconds">Lateness that still keeps the planned start (the engine's normal jitter).</param>
    /// <returns>True when it must start at <paramref name="now"/> instead.</returns>
    public bool IsLateHandOver(long now, long toleranceNanoseconds)
    {
        var late = now - StartNanoseconds;
        var halfDuration = HasEnd ? (EndNanoseconds - StartNanoseconds) / 2 : long.MaxValue;
        return late > 0 && (late > toleranceNanoseconds || late >= halfDuration);
    }

    /// <summary>
    /// A copy moved to start at <paramref name="start"/>, keeping its duration, without validation
    /// (a validated waveform stays valid): the lane's late hand-over, which must not throw under its lock.
    /// An end that would overflow saturates just short of <see cref="NoEnd"/>.
    /// </summary>
    /// <param name="start">The new start, not before the current one.</param>
    /// <returns>The moved waveform.</returns>
    internal Waveform MovedTo(long start)
    {
        var shift = start - StartNanoseconds;
        var end = !HasEnd ? NoEnd : EndNanoseconds > NoEnd - 1 - shift ? NoEnd - 1 : EndNanoseconds + shift;
        return this with { StartNanoseconds = start, EndNanoseconds = end };
    }

    /// <summary>Returns a copy with another final level.</summary>
    /// <param name="finalLevel">The level after the end.</param>
    /// <returns>The waveform.</returns>
    public Waveform WithFinalLevel(PinValue finalLevel) => this with { FinalLevel = finalLevel };

    /// <summary>Checks the parameters; the factories call it, so a hand-built waveform is checked when it is started.</summary>
    /// <exception cref="GpioInvalidArgumentException">A time, frequency or duty is out of range.</exception>
    public void Validate()
    {
        if (EndNanoseconds <= StartNanoseconds)
        {
            throw new GpioInvalidArgumentException($"a waveform must end after it starts (start {StartNanoseconds} ns, end {EndNanoseconds} ns)");
        }

        switch (Kind)
        {
            case WaveformKind.Constant:
                break;
            case WaveformKind.Square:
                if (HighNanoseconds <= 0 || LowNanoseconds <= 0)
                {
                    throw new GpioInvalidArgumentException($"a square wave needs positive high and low times (high {HighNanoseconds} ns, low {LowNanoseconds} ns)");
                }

                break;
            case WaveformKind.Pwm:
                CheckFrequency();
                if (!(DutyCycle is >= 0 and <= 1))
                {
                    throw new GpioInvalidArgumentException($"duty cycle {DutyCycle} is outside 0..1");
                }

                break;
            case WaveformKind.Fade:
                CheckFrequency();
                if (FadeInNanoseconds < 0 || FadeOutNanoseconds < 0 || FadeInNanoseconds + FadeOutNanoseconds <= 0 || FadeStepNanoseconds < 0)
                {
                    throw new GpioInvalidArgumentException($"a fade needs non-negative fade times that are not both zero and a non-negative step (in {FadeInNanoseconds} ns, out {FadeOutNanoseconds} ns, step {FadeStepNanoseconds} ns)");
                }

                break;
            default:
                throw new GpioInvalidArgumentException($"waveform kind {(int)Kind} is unknown");
        }
    }

    /// <summary>
    /// The level at <paramref name="time"/> (not before <see cref="StartNanoseconds"/>) and the
    /// next instant after it where the level may change; the end is not considered here.
    /// </summary>
    /// <param name="time">A timestamp at or after the start.</param>
    /// <param name="high">The level at <paramref name="time"/>.</param>
    /// <returns>The next possible change, strictly after <paramref name="time"/>; <see cref="NoEnd"/> if none.</returns>
    internal long Evaluate(long time, out bool high)
    {
        var elapsed = time - StartNanoseconds;
        switch (Kind)
        {
            case WaveformKind.Square:
            {
                var phase = elapsed % (HighNanoseconds + LowNanoseconds);
                high = phase < HighNanoseconds;
                return time - phase + (high ? HighNanoseconds : HighNanoseconds + LowNanoseconds);
            }

            case WaveformKind.Pwm when DutyCycle is <= 0 or >= 1:
                high = DutyCycle >= 1;
                return NoEnd;
            case WaveformKind.Pwm or WaveformKind.Fade:
            {
                var period = 1e9 / FrequencyHz;
                var cycle = (long)Math.Floor(elapsed / period);
                var cycleStart = CycleStart(cycle, period);
                var cycleEnd = CycleStart(cycle + 1, period);

                // Floating point may misplace a boundary by one: settle on the cycle that really holds the time.
                while (cycleEnd <= time)
                {
                    cycle++;
                    cycleStart = cycleEnd;
                    cycleEnd = CycleStart(cycle + 1, period);
                }

                while (cycleStart > time)
                {
                    cycle--;
                    cycleEnd = cycleStart;
                    cycleStart = CycleStart(cycle, period);
                }

                var highTime = (long)Math.Round(DutyAt(cycleStart) * (cycleEnd - cycleStart));
                high = time < cycleStart + highTime;
                return high && highTime < cycleEnd - cycleStart ? cycleStart + highTime : cycleEnd;
            }

            default:
                high = Level.IsHigh;
                return NoEnd;
        }
    }

    /// <summary>Validates and returns <paramref name="waveform"/>.</summary>
    private static Waveform Checked(Waveform waveform)
    {
        waveform.Validate();
        return waveform;
    }

    /// <summary>Refuses frequencies a software PWM cannot mean (and that would make the period arithmetic meaningless).</summary>
    private void CheckFrequency()
    {
        if (!(FrequencyHz is > 0 and <= 1_000_000))
        {
            throw new GpioInvalidArgumentException($"PWM frequency {FrequencyHz} Hz is outside (0, 1000000]");
        }
    }

    /// <summary>The start of PWM period <paramref name="cycle"/>, rounded to the nanosecond, computed from the origin (no accumulated error).</summary>
    private long CycleStart(long cycle, double period) => StartNanoseconds + (long)Math.Round(cycle * period);

    /// <summary>The duty of the PWM period starting at <paramref name="cycleStart"/>.</summary>
    private double DutyAt(long cycleStart)
    {
        if (Kind == WaveformKind.Pwm)
        {
            return DutyCycle;
        }

        var t = cycleStart - StartNanoseconds;
        if (FadeStepNanoseconds > 0)
        {
            t -= t % FadeStepNanoseconds;
        }

        t %= FadeInNanoseconds + FadeOutNanoseconds;
        return t < FadeInNanoseconds
            ? (double)t / FadeInNanoseconds
            : 1.0 - ((double)(t - FadeInNanoseconds) / FadeOutNanoseconds);
    }
}
