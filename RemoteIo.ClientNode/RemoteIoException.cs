namespace RemoteIo.ClientNode;

/// <summary>The base of every error the RemoteIo client reports about the host or the link.</summary>
public class RemoteIoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteIoException()
        : base("RemoteIo request failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the pin or the host.</param>
    public RemoteIoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteIoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
