namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>A waveform's end, queued in its lane's outbox under the lane's lock and reported to the listener, in order, after it is released.</summary>
/// <param name="Line">The line.</param>
/// <param name="Token">The waveform's token.</param>
/// <param name="EndNanoseconds">When it ended.</param>
/// <param name="Reason">Why.</param>
internal readonly record struct WaveformCompletion(int Line, long Token, long EndNanoseconds, WaveformEndReason Reason);
