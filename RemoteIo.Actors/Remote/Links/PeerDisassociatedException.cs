using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>The peer sent a Disassociate: the read loop stops and the link closes with the peer's reason.</summary>
internal sealed class PeerDisassociatedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The peer's reason.</param>
    /// <param name="message">The peer's text.</param>
    public PeerDisassociatedException(DisassociateReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Not used.</summary>
    public PeerDisassociatedException()
    {
    }

    /// <summary>Not used.</summary>
    /// <param name="message">The text.</param>
    public PeerDisassociatedException(string message)
        : base(message)
    {
    }

    /// <summary>Not used.</summary>
    /// <param name="message">The text.</param>
    /// <param name="innerException">The cause.</param>
    public PeerDisassociatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The peer's reason.</summary>
    public DisassociateReason Reason { get; }
}
