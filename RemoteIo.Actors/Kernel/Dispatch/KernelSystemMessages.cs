namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>Creates the actor instance (the first message of every mailbox).</summary>
internal sealed record Create : SystemMessage;

/// <summary>Restarts the actor after a failure its supervisor decided to restart.</summary>
/// <param name="Cause">The failure.</param>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>Stops processing user messages until a matching <see cref="Resume"/> (sent to the children of a failed actor).</summary>
internal sealed record Suspend : SystemMessage;

/// <summary>Undoes one suspension; with a cause, the supervisor decided to resume a failed actor.</summary>
/// <param name="CausedByFailure">The failure being resumed from, or null for a plain resume.</param>
internal sealed record Resume(Exception? CausedByFailure) : SystemMessage;

/// <summary>Stops the actor: children first, then the actor itself.</summary>
internal sealed record Terminate : SystemMessage;

/// <summary>Reports a child's failure to its parent, which applies its supervisor strategy.</summary>
/// <param name="Child">The child that failed.</param>
/// <param name="Cause">The exception.</param>
/// <param name="Uid">The failing incarnation, so reports of an older one are ignored.</param>
internal sealed record Failed(IActorRef Child, Exception Cause, long Uid) : SystemMessage;

/// <summary>A node of a mailbox's lock-free system-message stack.</summary>
/// <param name="message">The system message.</param>
internal sealed class SystemMessageNode(SystemMessage? message)
{
    /// <summary>The system message (null only for the closed-mailbox sentinel).</summary>
    public SystemMessage? Message { get; } = message;

    /// <summary>The next older node.</summary>
    public SystemMessageNode? Next { get; set; }
}
