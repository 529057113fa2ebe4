namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpio's plain GPIO commands for one connection — MODES, MODEG, PUD, READ, WRITE, the bank reads
/// and writes, TRIG — checked in pigpio's order (permission, then GPIO range, then the other
/// arguments) so every bad request gets the error pigpiod would give.
/// </summary>
internal sealed class PigpioPinCommands(PigpioEndpoint endpoint, PigpioSessionScope scope)
{
    /// <summary>MODES: sets a GPIO's mode; a different mode ends pigpio's PWM/servo state of the GPIO.</summary>
    public async ValueTask<int> SetModeAsync(uint gpio, uint mode, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0)
        {
            return error;
        }

        if (mode > (uint)PigpioMode.Alt3)
        {
            return (int)PigpioError.BadMode;
        }

        var g = (int)gpio;
        var old = await endpoint.Backend.GetModeAsync(g, cancellationToken);
        var status = await scope.Session.SetModeAsync(g, (PigpioMode)mode, cancellationToken);
        if (status == PigpioStatus.Ok && old != (PigpioMode)mode)
        {
            endpoint.Gpios.Set(g, endpoint.Gpios.Get(g).SwitchTo(PigpioGpioFunction.Undefined));
        }

        return scope.Record(g, status, PigpioError.BadMode);
    }

    /// <summary>MODEG: a GPIO's mode.</summary>
    public async ValueTask<int> GetModeAsync(uint gpio, CancellationToken cancellationToken) =>
        PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0 ? error : (int)await endpoint.Backend.GetModeAsync((int)gpio, cancellationToken);

    /// <summary>PUD: sets a GPIO's pull.</summary>
    public async ValueTask<int> SetPullAsync(uint gpio, uint pull, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0)
        {
            return error;
        }

        if (pull > (uint)PigpioPull.Up)
        {
            return (int)PigpioError.BadPud;
        }

        return scope.Record((int)gpio, await scope.Session.SetPullAsync((int)gpio, (PigpioPull)pull, cancellationToken));
    }

    /// <summary>READ: a GPIO's level, 0 or 1.</summary>
    public async ValueTask<int> ReadAsync(uint gpio, CancellationToken cancellationToken) =>
        PigpioEndpoint.CheckRange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0 ? error : await endpoint.Backend.ReadAsync((int)gpio, cancellationToken) ? 1 : 0;

    /// <summary>WRITE: drives a GPIO to a level, making it an output and ending PWM or servo pulses.</summary>
    public async ValueTask<int> WriteAsync(uint gpio, uint level, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxGpio) is var error and < 0)
        {
            return error;
        }

        if (level > 1)
        {
            return (int)PigpioError.BadLevel;
        }

        var g = (int)gpio;
        var status = await scope.Session.WriteAsync(g, level == 1, cancellationToken);
        if (status == PigpioStatus.Ok)
        {
            endpoint.Gpios.Set(g, endpoint.Gpios.Get(g).SwitchTo(PigpioGpioFunction.Write));
        }

        return scope.Record(g, status);
    }

    /// <summary>BR1/BR2: the levels of a bank as the result's 32 bits.</summary>
    public async ValueTask<int> ReadBankAsync(int bank, CancellationToken cancellationToken) =>
        unchecked((int)await endpoint.Backend.ReadBankAsync(bank, cancellationToken));

    /// <summary>
    /// BS1/BC1/BS2/BC2: sets or clears the GPIOs of a bank given as a mask. As in pigpio, the GPIOs
    /// inside the update mask are written and GPIOs outside it make the answer PI_SOME_PERMITTED.
    /// </summary>
    public async ValueTask<int> WriteBankAsync(int bank, uint bits, bool level, CancellationToken cancellationToken)
    {
        var permitted = (uint)(endpoint.Options.UpdateMask >> (bank * 32));
        var allowed = bits & permitted;
        if (allowed != 0)
        {
            var status = await scope.Session.WriteBankAsync(bank, allowed, level, cancellationToken);
            var result = scope.RecordAll((ulong)allowed << (bank * 32), status);
            if (result != 0)
            {
                return result;
            }
        }

        return (bits | permitted) != permitted ? (int)PigpioError.SomePermitted : 0;
    }

    /// <summary>TRIG: one pulse of <paramref name="pulseLength"/> µs at the level in the extension.</summary>
    public async ValueTask<int> TriggerAsync(uint gpio, uint pulseLength, uint? level, CancellationToken cancellationToken)
    {
        if (endpoint.CheckChange(gpio, PigpioGpioTable.MaxUserGpio) is var error and < 0)
        {
            return error;
        }

        if (level is not { } l)
        {
            return (int)PigpioError.BadParameter;
        }

        if (l > 1)
        {
            return (int)PigpioError.BadLevel;
        }

        if (pulseLength is 0 or > 100)
        {
            return (int)PigpioError.BadPulseLength;
        }

        return scope.Record((int)gpio, await scope.Session.TriggerAsync((int)gpio, (int)pulseLength, l == 1, cancellationToken));
    }
}
