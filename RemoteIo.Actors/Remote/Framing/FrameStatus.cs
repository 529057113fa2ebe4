namespace RemoteIo.Actors.Remote.Framing;

/// <summary>What the start of a receive buffer holds.</summary>
internal enum FrameStatus
{
    /// <summary>A whole frame (or prefix) is there.</summary>
    Complete,

    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>The prefix announces a frame above the maximum frame size.</summary>
    TooLarge,

    /// <summary>The prefix is not a valid varint32.</summary>
    Malformed,
}
