namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpio's PWM and servo commands for one connection: PWM, PRS, PFS, SERVO, HP and the getters
/// GDC, GPW, PRG, PFG, PRRG. pigpio's bookkeeping (range, frequency index, dutycycle, servo width,
/// hardware channel) lives in the endpoint's <see cref="PigpioGpioTable"/>; the backend only sees
/// the resulting signal (frequency and duty fraction, pulse width, hardware frequency and duty).
/// </summary>
internal sealed class PigpioPwmCommands(PigpioEndpoint endpoint, PigpioSessionScope scope)
{
    /// <summary>The largest hardware PWM dutycycle (PI_HW_PWM_RANGE).</summary>
    private const int HardwareRange = 1_000_000;

    /// <summary>PWM: starts software PWM with <paramref name="dutyCycle"/> out of the GPIO's range.</summary>
    public async ValueTask<int> SetDutyCycleAsync(uint gpio, uint dutyCycle, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var g = (int)gpio;
        var state = endpoint.Gpios.Get(g);
        if (dutyCycle > state.Range)
        {
            return (int)PigpioError.BadDutycycle;
        }

        var width = (int)dutyCycle;
        var status = await ApplyPwmAsync(g, state.FrequencyIndex, width, state.Range, cancellationToken);
        if (status == PigpioStatus.Ok)
        {
            endpoint.Gpios.Set(g, state.SwitchTo(PigpioGpioFunction.Pwm) with { Width = width });
        }

        return scope.Record(g, status);
    }

    /// <summary>PRS: sets the dutycycle range, rescaling a running PWM; answers the real range of the current frequency.</summary>
    public async ValueTask<int> SetRangeAsync(uint gpio, uint range, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (range is < PigpioPwmTable.MinRange or > PigpioPwmTable.MaxRange)
        {
            return (int)PigpioError.BadDutyRange;
        }

        var g = (int)gpio;
        var state = endpoint.Gpios.Get(g);
        var next = state with { Range = (int)range };
        PigpioStatus status;
        if (state is { Function: PigpioGpioFunction.Pwm, Width: > 0 })
        {
            // pigpio keeps the duty fraction, within integer precision.
            next = next with { Width = (int)(range * (long)state.Width / state.Range) };
            status = await ApplyPwmAsync(g, state.FrequencyIndex, next.Width, next.Range, cancellationToken);
        }
        else
        {
            status = await scope.Session.ClaimAsync(g, cancellationToken);
        }

        if (status != PigpioStatus.Ok)
        {
            return scope.Record(g, status);
        }

        endpoint.Gpios.Set(g, next);
        scope.Record(g, status);
        return PigpioPwmTable.RealRange(state.FrequencyIndex);
    }

    /// <summary>PFS: sets the PWM frequency to the table's closest; answers the frequency chosen.</summary>
    public async ValueTask<int> SetFrequencyAsync(uint gpio, uint frequency, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var g = (int)gpio;
        var index = endpoint.PwmTable.ClosestIndex(frequency);
        var state = endpoint.Gpios.Get(g);
        var status = state is { Function: PigpioGpioFunction.Pwm, Width: > 0 }
            ? await ApplyPwmAsync(g, index, state.Width, state.Range, cancellationToken)
            : await scope.Session.ClaimAsync(g, cancellationToken);
        if (status != PigpioStatus.Ok)
        {
            return scope.Record(g, status);
        }

        endpoint.Gpios.Set(g, state with { FrequencyIndex = index });
        scope.Record(g, status);
        return endpoint.PwmTable.Frequency(index);
    }

    /// <summary>GDC: the dutycycle of a GPIO producing PWM (hardware PWM: in millionths).</summary>
    public int GetDutyCycle(uint gpio)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var state = endpoint.Gpios.Get((int)gpio);
        return state.Function switch
        {
            PigpioGpioFunction.Pwm => state.Width,
            PigpioGpioFunction.HardwarePwm => endpoint.Gpios.GetChannel(PigpioGpioTable.HardwareChannelOf((int)gpio)).DutyCycle,
            _ => (int)PigpioError.NotPwmGpio,
        };
    }

    /// <summary>PRG: the dutycycle range (hardware PWM: 1,000,000).</summary>
    public int GetRange(uint gpio)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var state = endpoint.Gpios.Get((int)gpio);
        return state.Function == PigpioGpioFunction.HardwarePwm ? HardwareRange : state.Range;
    }

    /// <summary>PRRG: the real range (steps per period) of the GPIO's PWM.</summary>
    public int GetRealRange(uint gpio)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var state = endpoint.Gpios.Get((int)gpio);
        return state.Function == PigpioGpioFunction.HardwarePwm
            ? endpoint.Gpios.GetChannel(PigpioGpioTable.HardwareChannelOf((int)gpio)).RealRange
            : PigpioPwmTable.RealRange(state.FrequencyIndex);
    }

    /// <summary>PFG: the GPIO's PWM frequency.</summary>
    public int GetFrequency(uint gpio)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var state = endpoint.Gpios.Get((int)gpio);
        return state.Function == PigpioGpioFunction.HardwarePwm
            ? endpoint.Gpios.GetChannel(PigpioGpioTable.HardwareChannelOf((int)gpio)).FrequencyHz
            : endpoint.PwmTable.Frequency(state.FrequencyIndex);
    }

    /// <summary>SERVO: starts (500-2500 µs) or stops (0) servo pulses.</summary>
    public async ValueTask<int> SetServoAsync(uint gpio, uint pulseWidth, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (pulseWidth is > 0 and < 500 or > 2500)
        {
            return (int)PigpioError.BadPulsewidth;
        }

        var g = (int)gpio;
        var status = await scope.Session.SetServoAsync(g, (int)pulseWidth, cancellationToken);
        if (status == PigpioStatus.Ok)
        {
            endpoint.Gpios.Set(g, endpoint.Gpios.Get(g).SwitchTo(PigpioGpioFunction.Servo) with { Width = (int)pulseWidth });
        }

        return scope.Record(g, status);
    }

    /// <summary>GPW: the servo pulsewidth of a GPIO producing servo pulses.</summary>
    public int GetServo(uint gpio)
    {
        if (PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        var state = endpoint.Gpios.Get((int)gpio);
        return state.Function == PigpioGpioFunction.Servo ? state.Width : (int)PigpioError.NotServoGpio;
    }

    /// <summary>
    /// HP: starts hardware PWM at the frequency the PWM clock can really make closest to
    /// <paramref name="frequency"/> (0 stops it), with the dutycycle in millionths from the extension.
    /// </summary>
    public async ValueTask<int> SetHardwarePwmAsync(uint gpio, uint frequency, uint? dutyCycle, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0)
        {
            return error;
        }

        var g = (int)gpio;
        var channel = PigpioGpioTable.HardwareChannelOf(g);
        if (channel < 0)
        {
            return (int)PigpioError.NotHardwarePwmGpio;
        }

        if (dutyCycle is not { } duty)
        {
            return (int)PigpioError.BadParameter;
        }

        if (duty > HardwareRange)
        {
            return (int)PigpioError.BadHardwarePwmDuty;
        }

        var clock = endpoint.Options.HardwarePwmClockHz;
        if (frequency != 0 && frequency > clock / 4)
        {
            return (int)PigpioError.BadHardwarePwmFrequency;
        }

        var state = endpoint.Gpios.Get(g);
        if (frequency == 0)
        {
            return await StopHardwarePwmAsync(g, state, cancellationToken);
        }

        // pigpio: real_range = clock / (2 f) rounded; the frequency made is clock / (2 real_range) rounded.
        var realRange = (int)((clock / (2.0 * frequency)) + 0.5);
        var made = (int)((clock / (2.0 * realRange)) + 0.5);
        var status = await scope.Session.SetHardwarePwmAsync(g, made, (int)duty, cancellationToken);
        if (status == PigpioStatus.Ok)
        {
            endpoint.Gpios.SetChannel(channel, new PigpioHardwareChannel(made, (int)duty, realRange));
            endpoint.Gpios.Set(g, state.SwitchTo(PigpioGpioFunction.HardwarePwm));
        }

        return scope.Record(g, status, PigpioError.NotHardwarePwmGpio);
    }

    /// <summary>HP with frequency 0: stops hardware PWM if the GPIO runs it (pigpio does nothing otherwise).</summary>
    private async ValueTask<int> StopHardwarePwmAsync(int gpio, PigpioGpioState state, CancellationToken cancellationToken)
    {
        if (state.Function != PigpioGpioFunction.HardwarePwm)
        {
            return 0;
        }

        var status = await scope.Session.SetHardwarePwmAsync(gpio, 0, 0, cancellationToken);
        if (status == PigpioStatus.Ok)
        {
            endpoint.Gpios.Set(gpio, state.SwitchTo(PigpioGpioFunction.Undefined));
        }

        return scope.Record(gpio, status, PigpioError.NotHardwarePwmGpio);
    }

    /// <summary>Asks the backend for the PWM signal pigpio would produce: the table's frequency, <paramref name="width"/> of <paramref name="range"/> high.</summary>
    private ValueTask<PigpioStatus> ApplyPwmAsync(int gpio, int frequencyIndex, int width, int range, CancellationToken cancellationToken) =>
        scope.Session.SetPwmAsync(gpio, endpoint.PwmTable.Frequency(frequencyIndex), (double)width / range, cancellationToken);
}
