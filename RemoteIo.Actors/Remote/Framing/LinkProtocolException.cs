using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>The peer broke the protocol (bad framing, a frame at the wrong time); the link closes with <see cref="Reason"/>.</summary>
internal sealed class LinkProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The Disassociate reason to send.</param>
    /// <param name="message">What happened, for the log and the Disassociate text.</param>
    public LinkProtocolException(DisassociateReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Not used; reasons are required.</summary>
    public LinkProtocolException()
        : this(DisassociateReason.Unspecified, "protocol error")
    {
    }

    /// <summary>Not used; reasons are required.</summary>
    /// <param name="message">The text.</param>
    public LinkProtocolException(string message)
        : this(DisassociateReason.Unspecified, message)
    {
    }

    /// <summary>Not used; reasons are required.</summary>
    /// <param name="message">The text.</param>
    /// <param name="innerException">The cause.</param>
    public LinkProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Disassociate reason to send.</summary>
    public DisassociateReason Reason { get; }
}
