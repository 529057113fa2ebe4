using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Pins;

/// <summary>A waveform's ending as a pin actor handles it (a value, so endings it causes itself allocate nothing).</summary>
/// <param name="Token">The waveform's token.</param>
/// <param name="EndNanoseconds">When it ended.</param>
/// <param name="Reason">Why.</param>
internal readonly record struct WaveformEnding(long Token, long EndNanoseconds, WaveformEndReason Reason);
