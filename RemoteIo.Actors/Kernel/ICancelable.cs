namespace RemoteIo.Actors.Kernel;

/// <summary>A scheduled operation that can be cancelled (returned by <see cref="IScheduler"/>).</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called (or a one-shot operation ran).</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels the operation; a message already sent is not recalled. Idempotent.</summary>
    void Cancel();
}
