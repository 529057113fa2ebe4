using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Compat;

/// <summary>
/// Where a compatibility listener (pigpio, remoteio text) accepts connections, and from whom.
/// </summary>
/// <remarks>
/// Neither pigpiod's socket protocol nor remoteio's text protocol carries credentials, so these
/// endpoints cannot authenticate a client. To keep the host's rule that an unauthenticated endpoint
/// is reachable only from the machine itself, a listener bound to anything but loopback must name
/// the client networks it admits (<see cref="AllowedClients"/>), as pigpiod's <c>-n</c> option does.
/// Loopback clients are always admitted.
/// </remarks>
public sealed record CompatEndpointOptions
{
    /// <summary>The address to listen on; loopback unless the host opts in to remote clients.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 asks the operating system for a free one (tests).</summary>
    public int Port { get; init; }

    /// <summary>Client networks admitted besides loopback; required when <see cref="BindAddress"/> is not loopback.</summary>
    public IReadOnlyList<IPNetwork> AllowedClients { get; init; } = [];

    /// <summary>Connections served at once; further clients are closed on arrival so a flood cannot exhaust the host.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Returns a copy listening on <paramref name="address"/>.</summary>
    /// <param name="address">The address to bind.</param>
    public CompatEndpointOptions WithBindAddress(IPAddress address) => this with { BindAddress = address };

    /// <summary>Returns a copy listening on <paramref name="port"/>.</summary>
    /// <param name="port">The TCP port, 0 for an ephemeral one.</param>
    public CompatEndpointOptions WithPort(int port) => this with { Port = port };

    /// <summary>Returns a copy that admits clients from <paramref name="networks"/> (besides loopback).</summary>
    /// <param name="networks">The admitted client networks.</param>
    public CompatEndpointOptions WithAllowedClients(params IPNetwork[] networks) => this with { AllowedClients = networks };

    /// <summary>Returns a copy serving at most <paramref name="count"/> connections at once.</summary>
    /// <param name="count">The connection limit, at least 1.</param>
    public CompatEndpointOptions WithMaxConnections(int count) => this with { MaxConnections = count };

    /// <summary>Checks the options and says exactly what is wrong.</summary>
    /// <param name="protocol">The protocol's name, for the message.</param>
    /// <exception cref="ArgumentException">A value is out of range or the endpoint would be open to anyone.</exception>
    public void Validate(string protocol)
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"{protocol} endpoint: port {Port} is not in 0..65535.");
        }

        if (MaxConnections < 1)
        {
            throw new ArgumentException($"{protocol} endpoint: max connections must be at least 1, not {MaxConnections}.");
        }

        if (!IPAddress.IsLoopback(BindAddress) && AllowedClients.Count == 0)
        {
            throw new ArgumentException(
                $"{protocol} endpoint: the {protocol} protocol has no authentication, so binding it to {BindAddress} " +
                "needs the list of client networks allowed to connect (AllowedClients); or bind it to loopback.");
        }
    }

    /// <summary>True when a client at <paramref name="address"/> may connect.</summary>
    /// <param name="address">The client's address as the socket reports it.</param>
    public bool Admits(IPAddress address)
    {
        var normalized = address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6
            ? address.MapToIPv4()
            : address;
        if (IPAddress.IsLoopback(normalized))
        {
            return true;
        }

        foreach (var network in AllowedClients)
        {
            if (network.Contains(normalized))
            {
                return true;
            }
        }

        return false;
    }
}
