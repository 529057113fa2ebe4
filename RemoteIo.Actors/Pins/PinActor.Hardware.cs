using System.Globalization;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Hardware PWM: a value, pulse or servo command runs on the pin's hardware channel when it has
/// one that is free. Driving the pin's GPIO line takes the pin back to GPIO mode, so while the
/// channel drives it the host does not hold the line: entering hardware PWM starts the channel,
/// releases the line and selects the pin's PWM function; leaving it requests the line again at the
/// level the next command (or the safe state) needs, then disables the channel.
/// </summary>
internal sealed partial class PinActor
{
    /// <summary>Whether a command runs on the hardware channel: a PWM shape (not a constant level) and the channel free for this pin.</summary>
    private bool WantsHardware(PinCommand command) =>
        CommandShapes.SuitsHardware(command) && _runtime.HardwarePwm.IsAvailable(Gpio);

    /// <summary>Null when software PWM can run <paramref name="command"/>; otherwise why not (its frequency needs the hardware channel).</summary>
    private string? SoftwareRefusal(PinCommand command)
    {
        var max = _runtime.Settings.MaxPwmFrequencyHz;
        if (command.ActionCase != PinCommand.ActionOneofCase.Value || command.Value.FrequencyHz <= max)
        {
            return null;
        }

        var why = _runtime.HardwarePwm.Output(Gpio) switch
        {
            null => "it has none",
            { DisabledBecause: { } reason } => $"it was disabled: {reason}",
            _ => "the GPIO sharing it is using it",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: PWM at {command.Value.FrequencyHz} Hz needs the pin's hardware PWM channel, and {why}; software PWM goes up to {max} Hz (remoteio.pins.max-pwm-frequency)");
    }

    /// <summary>
    /// Starts a command's waveform on the hardware channel, entering hardware PWM first if the
    /// GPIO line still drives the pin. False when the channel failed; the pin is then back on its
    /// line, the failure logged (and the channel taken out of use unless only this command's
    /// values were refused), and the caller runs the command on software PWM.
    /// </summary>
    /// <param name="ticket">The command.</param>
    /// <param name="waveform">Its planned waveform.</param>
    /// <param name="startsNow">A fresh command: it starts when the channel applies it.</param>
    /// <param name="keepsPlannedTimes">An energised stretch under a max-on-time: its timestamps stay as planned, however late.</param>
    /// <param name="start">The start the channel gave it (see <see cref="Hand"/>).</param>
    private bool TryRunOnHardware(CommandTicket ticket, in Waveform waveform, bool startsNow, bool keepsPlannedTimes, out long start)
    {
        var map = _runtime.HardwarePwm;
        start = waveform.StartNanoseconds;
        if (_line.HardwarePwm)
        {
            try
            {
                start = StartOnChannel(map.Output(Gpio)!, ticket, waveform, startsNow, keepsPlannedTimes);
                return true;
            }
            catch (GpioException e)
            {
                return HardwareFailed(ticket, e);
            }
        }

        HardwarePwmOutput? output = null;
        var released = false;
        try
        {
            output = map.TryAcquire(Gpio);
            if (output is null)
            {
                _log.Debug("{0}: its shared PWM channel was taken by the other GPIO on it; {1} runs on software PWM", Name, ticket);
                return false;
            }

            map.Isolate(Gpio, _runtime.Controller);

            // The running software waveform ends here; its outcome is settled with the takeover.
            _runtime.Scheduler.Cancel(Gpio);
            start = StartOnChannel(output, ticket, waveform, startsNow, keepsPlannedTimes);
            if (_runtime.Controller.IsPinOpen(Gpio))
            {
                _runtime.Controller.ClosePin(Gpio);
                _line.ListeningForEdges = false;
                released = true;
            }

            map.Route(Gpio);
            _line.HardwarePwm = true;
            return true;
        }
        catch (GpioException e)
        {
            if (output is not null)
            {
                try
                {
                    output.Cancel();
                }
                catch (GpioException)
                {
                    // Logged below with the first failure.
                }

                map.Release(Gpio);
            }

            if (released)
            {
                RequestLine(_line.Settings.SafeLevel);
            }

            return HardwareFailed(ticket, e);
        }
    }

    /// <summary>Hands a waveform to the channel the way <see cref="Hand"/> hands one to the edge scheduler; returns the start it got.</summary>
    private static long StartOnChannel(HardwarePwmOutput output, CommandTicket ticket, in Waveform waveform, bool startsNow, bool keepsPlannedTimes) =>
        keepsPlannedTimes ? output.Start(waveform, ticket.Token)
        : startsNow ? output.StartNow(waveform, ticket.Token)
        : output.StartQueued(waveform, ticket.Token);

    /// <summary>Logs a channel failure, takes the channel out of use unless only the values were refused; always false.</summary>
    private bool HardwareFailed(CommandTicket ticket, GpioException error)
    {
        if (error is not GpioInvalidArgumentException)
        {
            _runtime.HardwarePwm.Disable(Gpio, error.Message);
        }

        _log.Warning("{0}: the hardware PWM channel failed, {1} runs on software PWM: {2}", Name, ticket, error.Message);
        return false;
    }

    /// <summary>
    /// Puts the pin back on its GPIO line at <paramref name="level"/> and disables the channel (in
    /// that order, so the pin never floats), then gives the channel back.
    /// </summary>
    /// <returns>The cut instant (what ran on the channel ended then).</returns>
    private long LeaveHardware(PinValue level)
    {
        var map = _runtime.HardwarePwm;
        _line.HardwarePwm = false;
        long at;
        try
        {
            RequestLine(level);
        }
        finally
        {
            try
            {
                at = map.Output(Gpio)!.Cancel();
            }
            finally
            {
                map.Release(Gpio);
            }
        }

        return at;
    }

    /// <summary>Requests the line as an output at <paramref name="level"/> and tells the edge scheduler the level it now has.</summary>
    private void RequestLine(PinValue level)
    {
        if (!_runtime.Controller.IsPinOpen(Gpio))
        {
            _runtime.Controller.OpenLine(Gpio, LineSettings.Output.WithInitialValue(level));
        }

        // The scheduler remembers the level it last wrote, from before the hardware ran.
        _runtime.Scheduler.Cancel(Gpio, level);
        if (_line.Subscribers.Count > 0)
        {
            ListenForEdges();
        }
    }

    /// <summary>The level a software waveform has when it takes over now (what the line is requested at when leaving hardware PWM).</summary>
    private PinValue InitialLevel(in Waveform waveform)
    {
        switch (waveform.Kind)
        {
            case WaveformKind.Constant:
                return waveform.Level;
            case WaveformKind.Square:
                var phase = Math.Max(0, Now - waveform.StartNanoseconds) % (waveform.HighNanoseconds + waveform.LowNanoseconds);
                return phase < waveform.HighNanoseconds ? PinValue.High : PinValue.Low;
            default:
                return waveform.Kind == WaveformKind.Pwm && waveform.DutyCycle >= 1 ? PinValue.High : PinValue.Low;
        }
    }
}
