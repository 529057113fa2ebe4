namespace RemoteIo.Actors.Gpio;

/// <summary>A chip, line, PWM chip or channel does not exist (<c>ENOENT</c>/<c>ENODEV</c>, or a label no chip carries).</summary>
public class GpioNotFoundException : GpioException
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioNotFoundException()
        : base("GPIO resource not found")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What was looked for and where.</param>
    public GpioNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What was looked for and where.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
