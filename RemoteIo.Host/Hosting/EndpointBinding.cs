using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Remote;

namespace RemoteIo.Host.Hosting;

/// <summary>
/// Decides the TCP bind address from <c>remoteio.host.bind</c> and the secret: with
/// <c>auto</c>, every interface when a shared secret is configured (clients must authenticate),
/// loopback only otherwise (nothing off this machine can connect) — and says which and why.
/// </summary>
public static class EndpointBinding
{
    /// <summary>Applies the bind decision to the remote settings.</summary>
    /// <param name="remote">The settings read from <c>remoteio.remote</c>.</param>
    /// <param name="host">The host settings.</param>
    /// <param name="log">Receives the one-line explanation.</param>
    /// <returns>The settings with the TCP address to bind.</returns>
    public static RemoteSettings Apply(RemoteSettings remote, HostSettings host, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(log);
        if (!remote.Tcp.Enabled)
        {
            HostLog.TcpDisabled(log);
            return remote;
        }

        string address;
        if (!string.Equals(host.Bind, HostSettings.AutoBind, StringComparison.OrdinalIgnoreCase))
        {
            address = host.Bind;
            HostLog.BindConfigured(log, address, remote.Secret is null ? "off (allowed only on loopback)" : $"required (secret from {remote.Secret.Origin})");
        }
        else if (remote.Secret is not null)
        {
            address = "0.0.0.0";
            HostLog.BindAllInterfaces(log, address, remote.Secret.Origin);
        }
        else
        {
            address = "127.0.0.1";
            HostLog.BindLoopbackOnly(log, address);
        }

        return remote.WithTcp(remote.Tcp.WithBinding(address, remote.Tcp.Port));
    }
}
