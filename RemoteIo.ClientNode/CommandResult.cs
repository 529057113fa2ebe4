namespace RemoteIo.ClientNode;

/// <summary>The final outcome of an accepted command.</summary>
/// <param name="CommandId">The command's id within the session.</param>
/// <param name="Gpio">The pin.</param>
/// <param name="End">How it ended.</param>
/// <param name="StartedAtNanoseconds">When it started on the host (CLOCK_MONOTONIC ns), 0 if it never did.</param>
/// <param name="EndedAtNanoseconds">When it ended on the host (CLOCK_MONOTONIC ns).</param>
/// <param name="Message">The host's note (e.g. why it was interrupted), or empty.</param>
public sealed record CommandResult(ulong CommandId, int Gpio, CommandEnd End, long StartedAtNanoseconds, long EndedAtNanoseconds, string Message);
