namespace RemoteIo.Actors.Remote.Transports;

/// <summary>Settings shared by the transports.</summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods.</remarks>
public sealed record TransportOptions
{
    /// <summary>The defaults: 4 MiB receive buffer limit, Unix socket mode 0660.</summary>
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
