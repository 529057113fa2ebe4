namespace RemoteIo.Actors.Remote.Transports;

/// <summary>Settings shared by the transports.</summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods.</remarks>
public sealed record TransportOptions
{
    /// <summary>The defaults: 4 MiB receive buffer limit, Unix socket mode 0660, 64 receive threads.</summary>
    public static TransportOptions Default { get; } = new();

    /// <summary>
    /// How many received bytes a connection buffers before it stops reading from the socket
    /// (backpressure on the peer). Must exceed the largest frame the link accepts, which has to
    /// be buffered whole. Default 4 MiB.
    /// </summary>
    public long ReceiveBufferLimit { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many bytes written by the link a connection buffers before a flush waits for the
    /// socket (backpressure on the sender). Default 1 MiB.
    /// </summary>
    public long SendBufferLimit { get; init; } = 1024 * 1024;

    /// <summary>
    /// The mode a Unix socket listener gives its socket file. Connecting needs write access, so
    /// without <see cref="UnixFileMode.OtherWrite"/> other users cannot connect and the listener
    /// counts as restricted. Default 0660 (owner and group).
    /// </summary>
    public UnixFileMode UnixSocketFileMode { get; init; } =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>
    /// How many connections of a transport (TCP or Unix socket, counted separately) read on a
    /// thread of their own, blocked in <c>recv</c> until bytes arrive. The kernel then wakes the
    /// thread that handles the frame directly, where the socket engine wakes its poller thread,
    /// which hands the read to the thread pool: one wake-up instead of two per message, a few
    /// microseconds of every round trip. Connections beyond this number, and all of them when it
    /// is 0, use the socket engine. Such a connection also sends with blocking calls, bounded by
    /// <see cref="SendStallTimeout"/>. Default 64.
    /// </summary>
    public int ReceiveThreads { get; init; } = 64;

    /// <summary>
    /// How long a send may wait for the peer to take data before the connection fails as stalled:
    /// a peer that stops reading must not hold its link (and, on a connection with its own receive
    /// thread, whose sends block, the writing thread) for ever. Default 30 s.
    /// </summary>
    public TimeSpan SendStallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Returns a copy with another number of connections that read on their own thread.</summary>
    /// <param name="connections">0 or more; 0 puts every connection on the socket engine.</param>
    /// <returns>The copy.</returns>
    public TransportOptions WithReceiveThreads(int connections)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(connections);
        return this with { ReceiveThreads = connections };
    }

    /// <summary>Returns a copy with another send stall timeout.</summary>
    /// <param name="timeout">At least 1 ms and at most 24 days (what a socket's send timeout holds).</param>
    /// <returns>The copy.</returns>
    public TransportOptions WithSendStallTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, TimeSpan.FromMilliseconds(int.MaxValue));
        return this with { SendStallTimeout = timeout };
    }

    /// <summary>Returns a copy with another receive buffer limit.</summary>
    /// <param name="bytes">The limit in bytes; at least 64 KiB.</param>
    /// <returns>The copy.</returns>
    public TransportOptions WithReceiveBufferLimit(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 64 * 1024);
        return this with { ReceiveBufferLimit = bytes };
    }

    /// <summary>Returns a copy with another send buffer limit.</summary>
    /// <param name="bytes">The limit in bytes; at least 64 KiB.</param>
    /// <returns>The copy.</returns>
    public TransportOptions WithSendBufferLimit(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 64 * 1024);
        return this with { SendBufferLimit = bytes };
    }

    /// <summary>Returns a copy with another Unix socket file mode.</summary>
    /// <param name="mode">The permission bits.</param>
    /// <returns>The copy.</returns>
    public TransportOptions WithUnixSocketFileMode(UnixFileMode mode) => this with { UnixSocketFileMode = mode };
}
