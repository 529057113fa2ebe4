namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// One request of pigpiod's socket protocol: four little-endian 32-bit words <c>cmd, p1, p2, p3</c>,
/// where <c>p3</c> is the number of extension bytes that follow. The commands RemoteIo implements
/// use at most one extension word (HP's dutycycle, TRIG's level, FN's active time), kept in
/// <see cref="Extension"/> so a request never needs a buffer of its own.
/// </summary>
/// <param name="Command">The command number (see <see cref="PigpioCommand"/>); any value may arrive.</param>
/// <param name="P1">The first parameter (usually the GPIO or handle).</param>
/// <param name="P2">The second parameter.</param>
/// <param name="P3">The length of the extension in bytes.</param>
/// <param name="Extension">The first extension word, or null when fewer than four extension bytes came.</param>
public readonly record struct PigpioRequest(uint Command, uint P1, uint P2, uint P3, uint? Extension = null)
{
    /// <summary>The command as the enum names it (an unnamed number stays a number).</summary>
    public PigpioCommand Name => (PigpioCommand)Command;
}
