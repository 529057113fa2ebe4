namespace RemoteIo.Actors.Gpio;

/// <summary>
/// Base of every error the GPIO layer raises, so a caller can catch the layer's failures in one
/// place; the derived types say what went wrong, the message says it in words a user can act on.
/// </summary>
public class GpioException : Exception
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioException()
        : base("GPIO operation failed")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong, naming the line or file.</param>
    public GpioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong, naming the line or file.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The <c>errno</c> the kernel returned, when the failure came from a system call; 0 otherwise.</summary>
    public int Errno { get; init; }
}
