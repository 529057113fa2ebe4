using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// The other side refused or broke off the handshake: protocol versions that do not overlap,
/// identity fields it rejects, a timeout, or anything else it named in a <c>Disassociate</c>.
/// (A wrong secret is an <see cref="AuthenticationException"/> instead.)
/// </summary>
public sealed class AssociationRefusedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public AssociationRefusedException()
        : base("association refused")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The error text.</param>
    public AssociationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The cause.</param>
    public AssociationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a reason the protocol names.</summary>
    /// <param name="reason">Why (from remote.proto).</param>
    /// <param name="message">The error text.</param>
    public AssociationRefusedException(DisassociateReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why, as remote.proto names it (<c>Unspecified</c> when no reason was given).</summary>
    public DisassociateReason Reason { get; }
}
