using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>A server-side handshake failed; the caller logs it and (if <see cref="NotifyPeer"/>) sends a Disassociate.</summary>
internal sealed class HandshakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The Disassociate reason.</param>
    /// <param name="message">What happened (sent to the peer and logged).</param>
    /// <param name="notifyPeer">False when the peer already left or broke off itself.</param>
    public HandshakeException(DisassociateReason reason, string message, bool notifyPeer = true)
        : base(message)
    {
        Reason = reason;
        NotifyPeer = notifyPeer;
    }

    /// <summary>Not used; reasons are required.</summary>
    public HandshakeException()
        : this(DisassociateReason.Unspecified, "handshake failed")
    {
    }

    /// <summary>Not used; reasons are required.</summary>
    /// <param name="message">The text.</param>
    public HandshakeException(string message)
        : this(DisassociateReason.Unspecified, message)
    {
    }

    /// <summary>Not used; reasons are required.</summary>
    /// <param name="message">The text.</param>
    /// <param name="innerException">The cause.</param>
    public HandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Disassociate reason.</summary>
    public DisassociateReason Reason { get; }

    /// <summary>Whether a Disassociate should be sent before closing.</summary>
    public bool NotifyPeer { get; }
}
