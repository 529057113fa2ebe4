using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Turns a client's <see cref="PinRef"/> into a header pin, or says clearly why it is not one.</summary>
internal static class PinResolver
{
    /// <summary>Resolves <paramref name="pin"/> through the header map.</summary>
    /// <param name="pin">The pin as the client named it.</param>
    /// <param name="lineCount">Lines of the host's chip (a GPIO beyond it does not exist here).</param>
    /// <param name="linesBeyondHeader">The chip has no header map (simulated): a GPIO number past the header's 0..27 names a chip line.</param>
    /// <param name="number">The pin, when resolved.</param>
    /// <param name="reason">NOT_A_GPIO or INVALID_ARGUMENT, when not.</param>
    /// <param name="error">The message users see, e.g. "board pin 2 is 5V power, not a GPIO".</param>
    /// <returns>True when resolved.</returns>
    public static bool TryResolve(PinRef? pin, int lineCount, bool linesBeyondHeader, out PinNumber number, out RejectReason reason, out string error)
    {
        number = default;
        reason = RejectReason.InvalidArgument;
        if (pin is null)
        {
            error = "the request names no pin";
            return false;
        }

        if (pin.Number > int.MaxValue)
        {
            reason = RejectReason.NotAGpio;
            error = $"{(pin.Numbering == Numbering.Board ? "board pin" : "GPIO")} {pin.Number} does not exist";
            return false;
        }

        try
        {
            number = pin.Numbering switch
            {
                Numbering.Gpio when linesBeyondHeader && pin.Number < lineCount => PinNumber.FromChipLine((int)pin.Number),
                Numbering.Gpio => PinNumber.FromGpio((int)pin.Number),
                Numbering.Board => PinNumber.FromBoard((int)pin.Number),
                _ => throw new ArgumentOutOfRangeException(nameof(pin), $"numbering {(int)pin.Numbering} is neither GPIO nor board"),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            error = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
        catch (NotAGpioException e)
        {
            reason = RejectReason.NotAGpio;
            error = e.Message;
            return false;
        }

        if (number.Gpio >= lineCount)
        {
            reason = RejectReason.NotAGpio;
            error = $"{number} does not exist on this host's GPIO chip (it has {lineCount} lines)";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
