namespace RemoteIo.Actors.Remote;

/// <summary>The Unix domain socket a node listens on (<c>remoteio.remote.unix</c>).</summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods.</remarks>
public sealed record UnixSocketEndpointSettings
{
    /// <summary>Off, <c>/run/remoteio/remoteio.sock</c>, mode 0660.</summary>
    public static UnixSocketEndpointSettings Default { get; } = new();

    /// <summary>Whether <see cref="Remoting.StartListeningAsync"/> listens on the socket. Default off.</summary>
    public bool Enabled { get; init; }

    /// <summary>The socket file. Default <c>/run/remoteio/remoteio.sock</c>.</summary>
    public string Path { get; init; } = "/run/remoteio/remoteio.sock";

    /// <summary>
    /// The socket file's mode. Without write permission for others (the default 0660), other
    /// users cannot connect and authentication may be off.
    /// </summary>
    public UnixFileMode Mode { get; init; } =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Returns a copy that listens (or not) on <paramref name="path"/>.</summary>
    /// <param name="enabled">Whether to listen.</param>
    /// <param name="path">The socket file, or null to keep the current one.</param>
    /// <returns>The copy.</returns>
    public UnixSocketEndpointSettings WithEnabled(bool enabled, string? path = null) =>
        this with { Enabled = enabled, Path = string.IsNullOrWhiteSpace(path) ? Path : path };

    /// <summary>Returns a copy with another file mode.</summary>
    /// <param name="mode">The permission bits.</param>
    /// <returns>The copy.</returns>
    public UnixSocketEndpointSettings WithMode(UnixFileMode mode) => this with { Mode = mode };
}
