namespace RemoteIo.Actors.Kernel;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume = 0,

    /// <summary>Replace the instance with a fresh one from its props; the mailbox is kept, the failing message is not retried.</summary>
    Restart = 1,

    /// <summary>Stop the child.</summary>
    Stop = 2,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate = 3,
}
