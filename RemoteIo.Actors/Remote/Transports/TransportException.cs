namespace RemoteIo.Actors.Remote.Transports;

/// <summary>A transport could not bind, connect, or keep a connection (reset, refused, unreachable).</summary>
public sealed class TransportException : IOException
{
    /// <summary>Creates the exception.</summary>
    public TransportException()
        : base("transport error")
    {
    }

    /// <summary>Creates the exception with a message that names the endpoint and what failed.</summary>
    /// <param name="message">The error text.</param>
    public TransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The socket or I/O error.</param>
    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
