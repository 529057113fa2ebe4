namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The process may not use a GPIO device or sysfs file (<c>EACCES</c>/<c>EPERM</c>); the message
/// says which path and how to grant access (the <c>gpio</c> group, udev rules, or root).
/// </summary>
public class GpioPermissionException : GpioException
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioPermissionException()
        : base("permission denied")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">The path and the hint.</param>
    public GpioPermissionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">The path and the hint.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioPermissionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
