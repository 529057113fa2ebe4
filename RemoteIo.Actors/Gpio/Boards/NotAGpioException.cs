namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>
/// A pin number does not name a GPIO: a power or ground position of the header ("board pin 2 is
/// 5V power, not a GPIO"), a position outside 1..40, or a GPIO number that is not on the header.
/// </summary>
public class NotAGpioException : GpioInvalidArgumentException
{
    /// <summary>Creates an error with a generic message.</summary>
    public NotAGpioException()
        : base("not a GPIO")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">Which pin and what it is.</param>
    public NotAGpioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">Which pin and what it is.</param>
    /// <param name="innerException">The underlying failure.</param>
    public NotAGpioException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
