using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote;

/// <summary>The TCP endpoint a node listens on (<c>remoteio.remote.tcp</c>).</summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods.</remarks>
public sealed record TcpEndpointSettings
{
    /// <summary>Off, loopback, port 8509.</summary>
    public static TcpEndpointSettings Default { get; } = new();

    /// <summary>Whether <see cref="Remoting.StartListeningAsync"/> listens on TCP. Default off (clients do not listen).</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// The address or host name to bind. 127.0.0.1 (the default) is loopback only, so
    /// authentication may be off; 0.0.0.0 or :: listen on every interface and need a secret.
    /// </summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one. Default 8509.</summary>
    public int Port { get; init; } = RemoteTransport.DefaultTcpPort;

    /// <summary>
    /// The host name put in this system's address (what peers see in actor paths), or empty for
    /// <see cref="Hostname"/> (the machine name when bound to every interface).
    /// </summary>
    public string PublicHostname { get; init; } = string.Empty;

    /// <summary>Returns a copy that listens (or not).</summary>
    /// <param name="enabled">Whether to listen.</param>
    /// <returns>The copy.</returns>
    public TcpEndpointSettings WithEnabled(bool enabled) => this with { Enabled = enabled };

    /// <summary>Returns a copy bound to another address and port.</summary>
    /// <param name="hostname">An address or host name.</param>
    /// <param name="port">0 to 65535.</param>
    /// <returns>The copy.</returns>
    public TcpEndpointSettings WithBinding(string hostname, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return this with { Hostname = hostname, Port = port };
    }

    /// <summary>Returns a copy with another public host name.</summary>
    /// <param name="publicHostname">The name peers should see, or empty.</param>
    /// <returns>The copy.</returns>
    public TcpEndpointSettings WithPublicHostname(string publicHostname)
    {
        ArgumentNullException.ThrowIfNull(publicHostname);
        return this with { PublicHostname = publicHostname };
    }
}
