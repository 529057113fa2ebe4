namespace RemoteIo.Host.Gpio;

/// <summary>The result of writing the simulated transition log to its file.</summary>
/// <param name="Path">The file written (absolute).</param>
/// <param name="Rows">How many <c>timestamp_ns,line,level</c> rows it holds.</param>
/// <param name="Dropped">How many older transitions the ring buffer no longer held (0: the file is complete).</param>
public sealed record TransitionDump(string Path, int Rows, long Dropped);
