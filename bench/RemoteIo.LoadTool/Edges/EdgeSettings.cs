namespace RemoteIo.LoadTool.Edges;

/// <summary>One run of the edges scenario.</summary>
/// <param name="Rate">Edges per second on the input.</param>
/// <param name="Window">Measured time.</param>
/// <param name="Warmup">Blinking before measuring.</param>
/// <param name="Subscribers">Observing clients.</param>
/// <param name="QueueCapacity">Each subscriber's host-side queue (unacknowledged edges).</param>
internal sealed record EdgeSettings(int Rate, TimeSpan Window, TimeSpan Warmup, int Subscribers, int QueueCapacity);
