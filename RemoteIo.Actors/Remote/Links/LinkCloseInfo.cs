using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>Why a link closed.</summary>
/// <param name="Reason">The Disassociate reason (sent or received); Unspecified for a plain transport failure.</param>
/// <param name="Message">Human-readable detail.</param>
/// <param name="Origin">Who or what ended it.</param>
internal sealed record LinkCloseInfo(DisassociateReason Reason, string Message, LinkCloseOrigin Origin)
{
    /// <summary>
    /// Whether the association may outlive this link (resume grace period): only when the link
    /// was lost, not when either side ended it on purpose or for a protocol violation.
    /// </summary>
    public bool Resumable => Origin is LinkCloseOrigin.Transport or LinkCloseOrigin.FailureDetector;

    /// <inheritdoc />
    public override string ToString() => Reason == DisassociateReason.Unspecified ? $"{Origin}: {Message}" : $"{Origin} {Reason}: {Message}";
}
