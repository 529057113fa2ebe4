namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// One notification report (pigpio's <c>gpioReport_t</c>): 12 little-endian bytes <c>seqno u16,
/// flags u16, tick u32, level u32</c> sent on a connection that issued NOIB.
/// </summary>
/// <param name="Sequence">Counts the reports of a handle from 0 (wrapping at 65536); a gap means reports were lost.</param>
/// <param name="Flags">0 for a level change, else <see cref="PigpioNotifyFlags"/> bits and a GPIO or event number.</param>
/// <param name="Tick">The host's microsecond tick when it happened (wraps after about 71.6 minutes).</param>
/// <param name="Levels">The levels of GPIO 0-31 (bit n set = GPIO n high) after the change.</param>
public readonly record struct PigpioReport(ushort Sequence, ushort Flags, uint Tick, uint Levels);
