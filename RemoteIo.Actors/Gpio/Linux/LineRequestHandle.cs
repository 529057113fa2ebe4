namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>
/// One kernel line request: its file descriptor and, per line, the settings it has. The kernel
/// releases the lines only when the descriptor is closed, so a request lives until all its lines
/// were released. Guarded by the driver's lock.
/// </summary>
internal sealed class LineRequestHandle(int fd, int[] offsets, LineSettings settings, string consumer)
{
    /// <summary>The request's file descriptor.</summary>
    public readonly int Fd = fd;

    /// <summary>The chip offsets, in request order (bit i of values is offsets[i]).</summary>
    public readonly int[] Offsets = offsets;

    /// <summary>The consumer label the request was made with.</summary>
    public readonly string Consumer = consumer;

    /// <summary>Per line, its current settings.</summary>
    public readonly LineSettings[] Settings = [.. offsets.Select(_ => settings)];

    /// <summary>Per line, whether it was released (the fd stays open until all are).</summary>
    public readonly bool[] Released = new bool[offsets.Length];

    /// <summary>Set when the kernel hung up on the descriptor (the chip went away).</summary>
    public volatile bool Dead;

    /// <summary>A mask with one bit per line of the request.</summary>
    public ulong AllMask => Offsets.Length == 64 ? ulong.MaxValue : (1UL << Offsets.Length) - 1;

    /// <summary>True when any line asks for edge events.</summary>
    public bool WantsEvents => Settings.Any(s => s.EdgeDetection != PinEventTypes.None);

    /// <summary>True when every line was released.</summary>
    public bool AllReleased => Released.All(r => r);
}
