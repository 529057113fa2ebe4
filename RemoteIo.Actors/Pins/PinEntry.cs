using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>The supervisor's record of a pin it has an actor for: who owns it, as what, and whether it drains.</summary>
/// <param name="line">The pin's lasting state (handed to its actor).</param>
/// <param name="actor">Its pin actor.</param>
internal sealed class PinEntry(PinLine line, IActorRef actor)
{
    /// <summary>The pin's lasting state.</summary>
    public PinLine Line { get; } = line;

    /// <summary>Its pin actor.</summary>
    public IActorRef Actor { get; } = actor;

    /// <summary>The owning session's id, or null.</summary>
    public string? OwnerSessionId { get; set; }

    /// <summary>How the owner named it when claiming ("board 7", "GPIO 4").</summary>
    public string ClaimedAs { get; set; } = string.Empty;

    /// <summary>The claim's role.</summary>
    public ClaimRole Role { get; set; }

    /// <summary>True while it drains after its owner's session closed (claims are refused as busy).</summary>
    public bool Draining { get; set; }
}
