namespace RemoteIo.Actors.Gpio;

/// <summary>
/// A request is malformed or does not fit the line's state (<c>EINVAL</c>, or caught before the
/// kernel saw it): a line out of range, a write to an input, a duty above the period. Nothing was
/// changed when this is thrown.
/// </summary>
public class GpioInvalidArgumentException : GpioException
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioInvalidArgumentException()
        : base("invalid GPIO argument")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What is wrong and what would be right.</param>
    public GpioInvalidArgumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What is wrong and what would be right.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioInvalidArgumentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
