namespace RemoteIo.ClientNode;

/// <summary>
/// The link to the host is gone for good (the host stopped, the network failed beyond the
/// heartbeat deadline and any resume grace period, or the session was closed): the request or
/// command could not be completed, and the host soft-closes the session's pins on its side.
/// </summary>
public sealed class ConnectionLostException : RemoteIoException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionLostException()
        : base("the connection to the RemoteIo host was lost")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which host, and why.</param>
    public ConnectionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which host, and why.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
