namespace RemoteIo.Actors.Gpio;

/// <summary>A resource (a line, a PWM channel) is held by someone else (the kernel's <c>EBUSY</c>).</summary>
public class GpioBusyException : GpioException
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioBusyException()
        : base("GPIO resource is busy")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What is busy and who holds it.</param>
    public GpioBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What is busy and who holds it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioBusyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
