using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>
/// PWM on any output line, run by the <see cref="EdgeScheduler"/>: every edge is computed from the
/// channel's phase origin, so the frequency holds exactly and a duty change keeps the phase (the
/// current period finishes on the old grid). No allocation per edge.
/// </summary>
public sealed class SoftwarePwmChannel : PwmChannel
{
    /// <summary>The timing engine.</summary>
    private readonly EdgeScheduler _scheduler;

    /// <summary>Serialises changes (frequency, duty, start, stop).</summary>
    private readonly Lock _gate = new();

    /// <summary>The frequency in hertz.</summary>
    private double _frequency;

    /// <summary>The duty cycle.</summary>
    private double _dutyCycle;

    /// <summary>The phase origin of the running waveform.</summary>
    private long _origin;

    /// <summary>Whether running.</summary>
    private bool _running;

    /// <summary>Creates a stopped channel on <paramref name="line"/>, which the scheduler's controller must have open as an output.</summary>
    /// <param name="scheduler">The timing engine.</param>
    /// <param name="line">The output line.</param>
    /// <param name="frequency">The frequency in hertz (default 100, like gpiozero's software PWM).</param>
    /// <param name="dutyCycle">The duty cycle, 0..1.</param>
    public SoftwarePwmChannel(EdgeScheduler scheduler, int line, double frequency = 100, double dutyCycle = 0.5)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        CheckSoftwareFrequency(frequency);
        CheckDutyCycle(dutyCycle);
        scheduler.Controller.CheckOutput(line);
        _scheduler = scheduler;
        Line = line;
        _frequency = frequency;
        _dutyCycle = dutyCycle;
    }

    /// <summary>The output line.</summary>
    public int Line { get; }

    /// <summary>A token the scheduler hands to its listener for this channel's waveforms.</summary>
    public long Token { get; init; }

    /// <inheritdoc />
    public override bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <inheritdoc />
    public override double Frequency
    {
        get
        {
            lock (_gate)
            {
                return _frequency;
            }
        }

        set
        {
            CheckSoftwareFrequency(value);
            lock (_gate)
            {
                _frequency = value;
                if (_running)
                {
                    // A new period means a new time grid: start it now.
                    _origin = _scheduler.NowNanoseconds;
                    Apply();
                }
            }
        }
    }

    /// <inheritdoc />
    public override double DutyCycle
    {
        get
        {
            lock (_gate)
            {
                return _dutyCycle;
            }
        }

        set
        {
            CheckDutyCycle(value);
            lock (_gate)
            {
                _dutyCycle = value;
                if (_running)
                {
                    Apply();
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Start()
    {
        lock (_gate)
        {
            if (_running)
            {
                return;
            }

            _origin = _scheduler.NowNanoseconds;
            _running = true;
            Apply();
        }
    }

    /// <inheritdoc />
    public override void Stop()
    {
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            _scheduler.Cancel(Line, PinValue.Low);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stop();
        }

        base.Dispose(disposing);
    }

    /// <summary>Refuses frequencies the timing engine cannot run.</summary>
    private static void CheckSoftwareFrequency(double frequency)
    {
        CheckFrequency(frequency);
        if (frequency > 1_000_000)
        {
            throw new GpioInvalidArgumentException($"software PWM frequency {frequency} Hz is above 1 MHz");
        }
    }

    /// <summary>Runs the PWM waveform from the current origin.</summary>
    private void Apply()
    {
        _scheduler.Start(Line, Waveform.Pwm(_frequency, _dutyCycle, _origin), Token);
    }
}
