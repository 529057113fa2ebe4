namespace RemoteIo.Actors.Pins;

/// <summary>A pin actor's buffer for the waveform endings its own scheduler calls cause (reused, so capturing allocates only the endings).</summary>
/// <param name="line">The pin's line.</param>
internal sealed class WaveformCapture(int line)
{
    /// <summary>The line whose endings are captured.</summary>
    public int Line { get; } = line;

    /// <summary>The endings captured during the current call.</summary>
    public List<WaveformEnded> Items { get; } = [];
}
