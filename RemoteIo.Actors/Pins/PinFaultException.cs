namespace RemoteIo.Actors.Pins;

/// <summary>
/// A pin's driver failed while the edge scheduler wrote it. The pin actor throws it so that its
/// supervisor restarts it: the restart puts the pin in its safe level, tells the owner and keeps
/// the claim and the queued work.
/// </summary>
public sealed class PinFaultException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public PinFaultException()
        : base("the pin's driver failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which pin and what failed.</param>
    public PinFaultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the driver's error.</summary>
    /// <param name="message">Which pin and what failed.</param>
    /// <param name="innerException">The driver's error.</param>
    public PinFaultException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
