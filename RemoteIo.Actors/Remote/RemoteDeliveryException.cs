namespace RemoteIo.Actors.Remote;

/// <summary>
/// A message to a remote actor was not delivered: its type is not a registered protobuf message,
/// the outbound queue was full, the association terminated, or the other side rejected it. An
/// Ask whose message fails this way completes with this exception at once instead of timing out.
/// </summary>
public sealed class RemoteDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteDeliveryException()
        : base("the message was not delivered to the remote actor")
    {
    }

    /// <summary>Creates the exception with a message naming the recipient and the reason.</summary>
    /// <param name="message">The error text.</param>
    public RemoteDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
