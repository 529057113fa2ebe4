namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Conventional replies that say how an operation ended: <see cref="Success"/> or
/// <see cref="Failure"/>. <c>Ask</c> turns a <see cref="Failure"/> reply into a faulted task and
/// <c>PipeTo</c> sends a <see cref="Failure"/> for a faulted one.
/// </summary>
public static class Status
{
    /// <summary>The operation succeeded.</summary>
    /// <param name="Status">An optional result.</param>
    public sealed record Success(object? Status);

    /// <summary>The operation failed.</summary>
    /// <param name="Cause">Why.</param>
    /// <param name="State">Optional context for the receiver.</param>
    public sealed record Failure(Exception Cause, object? State = null);
}
