namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// Runs one request of one connection and produces pigpio's result. Every command RemoteIo
/// implements is listed here; any other number answers PI_UNKNOWN_COMMAND and the connection goes
/// on. A backend failure is logged and answered PI_NOT_PERMITTED (PI_NOT_INITIALISED while the
/// host shuts down) so that a client never sees its connection drop for it.
/// </summary>
internal sealed class PigpioDispatcher
{
    /// <summary>The pigpio version RemoteIo's emulation follows (PIGPV).</summary>
    public const int EmulatedVersion = 79;

    /// <summary>The longest MICS delay (PI_MAX_MICS_DELAY, µs).</summary>
    private const uint MaxMicrosecondsDelay = 1_000_000;

    /// <summary>The longest MILS delay (PI_MAX_MILS_DELAY, ms).</summary>
    private const uint MaxMillisecondsDelay = 60_000;

    /// <summary>The longest glitch or noise steady time (PI_MAX_STEADY, µs).</summary>
    private const uint MaxSteady = 300_000;

    /// <summary>The longest noise filter active time (PI_MAX_ACTIVE, µs).</summary>
    private const uint MaxActive = 1_000_000;

    /// <summary>The longest watchdog timeout (PI_MAX_WDOG_TIMEOUT, ms).</summary>
    private const uint MaxWatchdog = 60_000;

    /// <summary>The shared endpoint.</summary>
    private readonly PigpioEndpoint _endpoint;

    /// <summary>MODES, PUD, READ, WRITE, banks, TRIG.</summary>
    private readonly PigpioPinCommands _pins;

    /// <summary>PWM, servo, hardware PWM.</summary>
    private readonly PigpioPwmCommands _pwm;

    /// <summary>Creates the dispatcher of one connection.</summary>
    public PigpioDispatcher(PigpioEndpoint endpoint, PigpioSessionScope scope)
    {
        _endpoint = endpoint;
        _pins = new PigpioPinCommands(endpoint, scope);
        _pwm = new PigpioPwmCommands(endpoint, scope);
    }

    /// <summary>Runs <paramref name="request"/>; never throws but for cancellation.</summary>
    /// <returns>The reply's result.</returns>
    public async ValueTask<int> ExecuteAsync(PigpioRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ObjectDisposedException ex)
        {
            _endpoint.Logger.PigpioShuttingDown(ex, request.Name);
            return (int)PigpioError.NotInitialised;
        }
        catch (Exception ex)
        {
            _endpoint.Logger.PigpioBackendFailed(ex, request.Name, request.P1, request.P2);
            return (int)PigpioError.NotPermitted;
        }
    }

    /// <summary>The command table.</summary>
    private ValueTask<int> RunAsync(PigpioRequest r, CancellationToken ct) => r.Name switch
    {
        PigpioCommand.MODES => _pins.SetModeAsync(r.P1, r.P2, ct),
        PigpioCommand.MODEG => _pins.GetModeAsync(r.P1, ct),
        PigpioCommand.PUD => _pins.SetPullAsync(r.P1, r.P2, ct),
        PigpioCommand.READ => _pins.ReadAsync(r.P1, ct),
        PigpioCommand.WRITE => _pins.WriteAsync(r.P1, r.P2, ct),
        PigpioCommand.BR1 => _pins.ReadBankAsync(0, ct),
        PigpioCommand.BR2 => _pins.ReadBankAsync(1, ct),
        PigpioCommand.BC1 => _pins.WriteBankAsync(0, r.P1, level: false, ct),
        PigpioCommand.BC2 => _pins.WriteBankAsync(1, r.P1, level: false, ct),
        PigpioCommand.BS1 => _pins.WriteBankAsync(0, r.P1, level: true, ct),
        PigpioCommand.BS2 => _pins.WriteBankAsync(1, r.P1, level: true, ct),
        PigpioCommand.TRIG => _pins.TriggerAsync(r.P1, r.P2, r.Extension, ct),
        PigpioCommand.PWM => _pwm.SetDutyCycleAsync(r.P1, r.P2, ct),
        PigpioCommand.PRS => _pwm.SetRangeAsync(r.P1, r.P2, ct),
        PigpioCommand.PFS => _pwm.SetFrequencyAsync(r.P1, r.P2, ct),
        PigpioCommand.SERVO => _pwm.SetServoAsync(r.P1, r.P2, ct),
        PigpioCommand.HP => _pwm.SetHardwarePwmAsync(r.P1, r.P2, r.Extension, ct),
        PigpioCommand.GDC => new(_pwm.GetDutyCycle(r.P1)),
        PigpioCommand.GPW => new(_pwm.GetServo(r.P1)),
        PigpioCommand.PRG => new(_pwm.GetRange(r.P1)),
        PigpioCommand.PFG => new(_pwm.GetFrequency(r.P1)),
        PigpioCommand.PRRG => new(_pwm.GetRealRange(r.P1)),
        PigpioCommand.TICK => new(unchecked((int)_endpoint.Backend.Tick)),
        PigpioCommand.HWVER => new(unchecked((int)(_endpoint.Options.HardwareRevision ?? _endpoint.Backend.HardwareRevision))),
        PigpioCommand.PIGPV => new(EmulatedVersion),
        PigpioCommand.NB => _endpoint.Notifier.BeginAsync(r.P1, r.P2, ct),
        PigpioCommand.NP => new(_endpoint.Notifier.Pause(r.P1)),
        PigpioCommand.NC => new(_endpoint.Notifier.Close(r.P1)),
        PigpioCommand.EVM => new(_endpoint.Notifier.MonitorEvents(r.P1, r.P2)),
        PigpioCommand.EVT => new(_endpoint.Notifier.TriggerEvent(r.P1)),
        PigpioCommand.WDOG => SetWatchdogAsync(r.P1, r.P2, ct),
        PigpioCommand.FG => new(SetGlitchFilter(r.P1, r.P2)),
        PigpioCommand.FN => new(SetNoiseFilter(r.P1, r.P2, r.Extension)),
        PigpioCommand.MICS => DelayAsync(r.P1, MaxMicrosecondsDelay, TimeSpan.FromMicroseconds(r.P1), PigpioError.BadMicsDelay, ct),
        PigpioCommand.MILS => DelayAsync(r.P1, MaxMillisecondsDelay, TimeSpan.FromMilliseconds(r.P1), PigpioError.BadMilsDelay, ct),
        _ => new((int)PigpioError.UnknownCommand),
    };

    /// <summary>WDOG: checks the arguments, then sets the watchdog.</summary>
    private async ValueTask<int> SetWatchdogAsync(uint gpio, uint milliseconds, CancellationToken cancellationToken)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (milliseconds > MaxWatchdog)
        {
            return (int)PigpioError.BadWatchdogTimeout;
        }

        await _endpoint.Notifier.SetWatchdogAsync((int)gpio, milliseconds, cancellationToken);
        return 0;
    }

    /// <summary>FG: checks the arguments, then sets the glitch filter.</summary>
    private int SetGlitchFilter(uint gpio, uint steady)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (steady > MaxSteady)
        {
            return (int)PigpioError.BadFilter;
        }

        _endpoint.Notifier.SetGlitchFilter((int)gpio, steady);
        return 0;
    }

    /// <summary>FN: checks the arguments (the active time is the extension word), then sets the noise filter.</summary>
    private int SetNoiseFilter(uint gpio, uint steady, uint? active)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (active is not { } activeMicroseconds)
        {
            return (int)PigpioError.BadParameter;
        }

        if (steady > MaxSteady || activeMicroseconds > MaxActive)
        {
            return (int)PigpioError.BadFilter;
        }

        _endpoint.Notifier.SetNoiseFilter((int)gpio, steady, activeMicroseconds);
        return 0;
    }

    /// <summary>
    /// MICS/MILS: waits on the endpoint's clock (this connection only), then answers 0. Timers count
    /// whole milliseconds (Task.Delay would truncate 500 µs to nothing), so the delay is rounded up:
    /// never shorter than asked, at most 1 ms longer — pigpiod busy-waits instead, which a shared
    /// host should not.
    /// </summary>
    private async ValueTask<int> DelayAsync(uint amount, uint max, TimeSpan delay, PigpioError tooLong, CancellationToken ct)
    {
        if (amount > max)
        {
            return (int)tooLong;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), _endpoint.Time, ct);
        return 0;
    }
}
