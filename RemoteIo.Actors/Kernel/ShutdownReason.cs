namespace RemoteIo.Actors.Kernel;

/// <summary>Why a <see cref="CoordinatedShutdown"/> runs (shown in its log lines).</summary>
/// <param name="Description">A short description.</param>
public sealed record ShutdownReason(string Description)
{
    /// <summary>No particular reason was given.</summary>
    public static ShutdownReason Unknown { get; } = new("unknown reason");

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public static ShutdownReason ActorSystemTerminate { get; } = new("actor system terminate");

    /// <summary>The process is exiting (SIGTERM, Ctrl+C, host stop).</summary>
    public static ShutdownReason ProcessExit { get; } = new("process exit");
}
