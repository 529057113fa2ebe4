namespace RemoteIo.Actors.Remote.Links;

/// <summary>Who or what ended a link; decides whether its association may be resumed.</summary>
internal enum LinkCloseOrigin
{
    /// <summary>This side closed it on purpose (shutdown, superseded, new incarnation).</summary>
    Local,

    /// <summary>The peer sent a Disassociate.</summary>
    Peer,

    /// <summary>The peer broke the protocol (oversized or malformed frame, frame at the wrong time).</summary>
    ProtocolViolation,

    /// <summary>The connection ended or was reset without a Disassociate.</summary>
    Transport,

    /// <summary>The heartbeat deadline passed without a frame from the peer.</summary>
    FailureDetector,
}
