namespace RemoteIo.Actors.Pins;

/// <summary>A pin actor's buffer for the waveform endings its own scheduler calls cause (reused).</summary>
/// <param name="line">The pin's line.</param>
internal sealed class WaveformCapture(int line)
{
    /// <summary>The line whose endings are captured.</summary>
    public int Line { get; } = line;

    /// <summary>The endings captured during the current call (values: capturing allocates nothing once the list has grown).</summary>
    public List<WaveformEnding> Items { get; } = [];
}
