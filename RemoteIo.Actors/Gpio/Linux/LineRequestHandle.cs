namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>
/// One kernel line request: its file descriptor and, per line, the settings it has. The kernel
/// releases lines only when the descriptor is closed, so releasing some lines of a request means
/// closing it and requesting the others anew (<see cref="ChardevGpioDriver"/> does that).
/// Settings and release marks are guarded by the driver's lock; <see cref="Gate"/> keeps reads and
/// writes off a descriptor that is being closed.
/// </summary>
internal sealed class LineRequestHandle
{
    /// <summary>Backs <see cref="Closed"/>.</summary>
    private bool _closed;

    /// <summary>Backs <see cref="Dead"/>.</summary>
    private bool _dead;

    /// <summary>Creates the handle of a request whose lines all have <paramref name="settings"/>.</summary>
    /// <param name="fd">The request's descriptor.</param>
    /// <param name="offsets">The chip offsets, in request order.</param>
    /// <param name="settings">The settings of every line.</param>
    /// <param name="consumer">The consumer label.</param>
    public LineRequestHandle(int fd, int[] offsets, LineSettings settings, string consumer)
        : this(fd, offsets, [.. offsets.Select(_ => settings)], consumer)
    {
    }

    /// <summary>Creates the handle of a request whose lines have their own settings.</summary>
    /// <param name="fd">The request's descriptor.</param>
    /// <param name="offsets">The chip offsets, in request order.</param>
    /// <param name="settings">Per line (same order), its settings.</param>
    /// <param name="consumer">The consumer label.</param>
    public LineRequestHandle(int fd, int[] offsets, LineSettings[] settings, string consumer)
    {
        Fd = fd;
        Offsets = offsets;
        Settings = settings;
        Consumer = consumer;
        Released = new bool[offsets.Length];
    }

    /// <summary>The request's file descriptor.</summary>
    public int Fd { get; }

    /// <summary>The chip offsets, in request order (bit i of values is offsets[i]).</summary>
    public int[] Offsets { get; }

    /// <summary>The consumer label the request was made with.</summary>
    public string Consumer { get; }

    /// <summary>Per line, its current settings.</summary>
    public LineSettings[] Settings { get; }

    /// <summary>Per line, whether it was released.</summary>
    public bool[] Released { get; }

    /// <summary>
    /// Held around every ioctl on <see cref="Fd"/> and around closing it, so a read or write that
    /// races a close (of this request, or a re-request after a sibling line was released) never
    /// reaches a closed descriptor or one the kernel has already reused for another request.
    /// </summary>
    public Lock Gate { get; } = new();

    /// <summary>Set (under <see cref="Gate"/>) just before the descriptor is closed; a handle once closed is never used again.</summary>
    public bool Closed
    {
        get => Volatile.Read(ref _closed);
        set => Volatile.Write(ref _closed, value);
    }

    /// <summary>Set when the kernel hung up on the descriptor (the chip went away); the reader stops polling it.</summary>
    public bool Dead
    {
        get => Volatile.Read(ref _dead);
        set => Volatile.Write(ref _dead, value);
    }

    /// <summary>A mask with one bit per line of the request.</summary>
    public ulong AllMask => Offsets.Length == 64 ? ulong.MaxValue : (1UL << Offsets.Length) - 1;

    /// <summary>True when any line asks for edge events.</summary>
    public bool WantsEvents => Settings.Any(s => s.EdgeDetection != PinEventTypes.None);

    /// <summary>True when every line was released.</summary>
    public bool AllReleased => Released.All(r => r);
}
