using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// Remoting for one actor system (Akka.Remote's role): it listens on endpoints (a host), connects
/// to other systems (a client node), resolves paths such as
/// <c>remoteio://host@127.0.0.1:8509/user/pins</c> to <see cref="RemoteActorRef"/>s, delivers
/// inbound messages to local actors with a remote reference as <c>Sender</c>, and turns lost
/// associations into <c>Terminated</c> for every watcher. Start it once per system with
/// <see cref="Start"/>; find it again with <see cref="Get"/>.
/// </summary>
public sealed partial class Remoting : IRemoteActorRefProvider, IAsyncDisposable
{
    /// <summary>Guards node creation and the address.</summary>
    private readonly Lock _gate = new();

    /// <summary>Addresses under which this system is reached (its own address and every listener's).</summary>
    private readonly ConcurrentDictionary<Address, byte> _localAddresses = new();

    /// <summary>Peer addresses (announced, and dialed aliases) to their current association.</summary>
    private readonly ConcurrentDictionary<Address, Association> _byAddress = new();

    /// <summary>Addresses a client dialed, by the endpoint they resolved to (aliases of the server's announced address).</summary>
    private readonly ConcurrentDictionary<EndPoint, Address> _dialed = new();

    /// <summary>Wire paths of local senders, computed once per path object.</summary>
    private readonly ConditionalWeakTable<ActorPath, string> _senderPaths = [];

    /// <summary>The link layer; created by the first listen or connect, which fixes this system's address.</summary>
    private RemoteNode? _node;

    /// <summary>This system's network address, once fixed.</summary>
    private Address? _address;

    /// <summary>1 once disposal started.</summary>
    private int _disposed;

    /// <summary>Creates the extension (see <see cref="Start"/>).</summary>
    private Remoting(ActorSystem system, RemoteSettings settings, MessageRegistry registry)
    {
        System = system;
        Settings = settings;
        Registry = registry;
        Log = new RemoteLogAdapter(system);
        Incarnation = ClientIdentity.NewIncarnation();
        ClientId = settings.ClientId ?? ClientIdentity.Generate();
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings in force.</summary>
    public RemoteSettings Settings { get; }

    /// <summary>The message types accepted from and sent to peers (register application messages here).</summary>
    public MessageRegistry Registry { get; }

    /// <summary>Random, non-zero, fixed for this system's lifetime: peers tell a restart by it.</summary>
    public ulong Incarnation { get; }

    /// <summary>The id this system sends when it connects to a server.</summary>
    public string ClientId { get; }

    /// <summary>
    /// This system's network address: the first listener's (a host, e.g.
    /// <c>remoteio://host@pi.local:8509</c>), or <c>remoteio://name@client-id:0</c> for a client
    /// that connected before listening. Fixed by the first listen or connect.
    /// </summary>
    public Address Address
    {
        get
        {
            lock (_gate)
            {
                return _address ?? ClientAddress();
            }
        }
    }

    /// <summary>The endpoints listened on (with the ports actually bound).</summary>
    public IReadOnlyList<EndPoint> ListenEndPoints => _node?.ListenEndPoints ?? [];

    /// <summary>Every association that has not terminated.</summary>
    public IReadOnlyList<AssociationInfo> Associations => _node?.Associations.Select(a => a.Info).ToArray() ?? [];

    /// <summary>Where the link layer logs (the event stream, source <c>remoteio.remote</c>).</summary>
    internal IRemoteLog Log { get; }

    /// <summary>The link layer, once created (tests reach the links through it).</summary>
    internal RemoteNode? Node
    {
        get
        {
            lock (_gate)
            {
                return _node;
            }
        }
    }

    /// <summary>
    /// Starts remoting on <paramref name="system"/>: registers the extension and the remote
    /// reference provider, and hooks into the coordinated shutdown (listeners close in
    /// <c>service-unbind</c>; queued messages are flushed and links closed in
    /// <c>before-actor-system-terminate</c>). It does not listen yet: call
    /// <see cref="StartListeningAsync"/> or <see cref="ListenAsync"/>.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="settings">The settings; null reads <c>remoteio.remote</c> from the system's configuration.</param>
    /// <param name="registry">The message registry; null for <see cref="MessageRegistry.CreateDefault"/> (RemoteIo's pin messages).</param>
    /// <returns>The extension.</returns>
    /// <exception cref="InvalidOperationException">Remoting is already started on this system.</exception>
    public static Remoting Start(ActorSystem system, RemoteSettings? settings = null, MessageRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var remoting = new Remoting(system, settings ?? RemoteSettings.FromConfig(system.Settings.Config), registry ?? MessageRegistry.CreateDefault());
        if (!ReferenceEquals(system.RegisterExtension(remoting), remoting))
        {
            throw new InvalidOperationException($"remoting is already started on actor system {system.Name}");
        }

        system.RegisterRemoteActorRefProvider(remoting);
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "remoting-unbind", () => remoting._node?.StopListeningAsync() ?? Task.CompletedTask);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "remoting-shutdown", () => remoting.DisposeAsync().AsTask());
        _ = system.WhenTerminated.ContinueWith(_ => remoting.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return remoting;
    }

    /// <summary>The remoting of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="InvalidOperationException">Remoting was not started on it.</exception>
    public static Remoting Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetExtension<Remoting>()
            ?? throw new InvalidOperationException($"remoting is not started on actor system {system.Name}: call Remoting.Start(system) first");
    }

    /// <summary>
    /// The association an actor reference is reached over — for a host, the client (address,
    /// client id, incarnation) that sent an inbound message: <c>Remoting.AssociationOf(Sender)</c>.
    /// </summary>
    /// <param name="actor">Any reference.</param>
    /// <returns>The association, or null for a local reference.</returns>
    public static AssociationInfo? AssociationOf(IActorRef? actor) => (actor as RemoteActorRef)?.Association;

    /// <summary>Listens on the endpoints enabled in <see cref="Settings"/> (TCP, then the Unix socket).</summary>
    /// <param name="cancellationToken">Cancels binding.</param>
    /// <returns>The endpoints bound.</returns>
    /// <exception cref="InvalidOperationException">An endpoint reachable by others without a secret configured.</exception>
    /// <exception cref="TransportException">An endpoint cannot be bound.</exception>
    public async Task<IReadOnlyList<EndPoint>> StartListeningAsync(CancellationToken cancellationToken = default)
    {
        var bound = new List<EndPoint>();
        if (Settings.Tcp.Enabled)
        {
            var tcp = Settings.Tcp;
            EndPoint endPoint = IPAddress.TryParse(tcp.Hostname, out var ip) ? new IPEndPoint(ip, tcp.Port) : new DnsEndPoint(tcp.Hostname, tcp.Port);
            bound.Add(await ListenAsync(endPoint, null, cancellationToken).ConfigureAwait(false));
        }

        if (Settings.Unix.Enabled)
        {
            if (Path.GetDirectoryName(Settings.Unix.Path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            bound.Add(await ListenAsync(new UnixDomainSocketEndPoint(Settings.Unix.Path), null, cancellationToken).ConfigureAwait(false));
        }

        return bound;
    }

    /// <summary>
    /// Listens on <paramref name="endPoint"/>. Authentication is required when a secret is
    /// configured; without one only loopback addresses, restricted Unix sockets and the in-memory
    /// transport may be used (a log line states the decision and why).
    /// </summary>
    /// <param name="endPoint">An <see cref="IPEndPoint"/>/<see cref="DnsEndPoint"/> (TCP), a <see cref="UnixDomainSocketEndPoint"/>, or an endpoint of <paramref name="transport"/>.</param>
    /// <param name="transport">The transport; null picks TCP or Unix socket by the endpoint's type.</param>
    /// <param name="cancellationToken">Cancels binding.</param>
    /// <returns>The endpoint bound (with the real port when 0 was asked for).</returns>
    /// <exception cref="InvalidOperationException">The endpoint is reachable by others and no secret is configured.</exception>
    /// <exception cref="TransportException">The endpoint cannot be bound.</exception>
    public async Task<EndPoint> ListenAsync(EndPoint endPoint, RemoteTransport? transport = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        transport ??= TransportFor(endPoint);
        var listener = await transport.ListenAsync(endPoint, cancellationToken).ConfigureAwait(false);
        Address address;
        try
        {
            address = AddressOf(listener);
        }
        catch
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var node = EnsureNode(address);
        _localAddresses.TryAdd(address, 0);
        await node.ServeAsync(listener).ConfigureAwait(false);
        return listener.LocalEndPoint;
    }

    /// <summary>Connects to the system at <paramref name="address"/> over TCP (its host and port).</summary>
    /// <param name="address">e.g. <c>remoteio://host@pi.local:8509</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The server's own address (paths under it and under <paramref name="address"/> both resolve).</returns>
    /// <exception cref="ArgumentException">The address has no host and port.</exception>
    /// <exception cref="AuthenticationException">Wrong, missing or unproven secret.</exception>
    /// <exception cref="AssociationRefusedException">The server refused (e.g. no common protocol version).</exception>
    /// <exception cref="TransportException">The server cannot be reached.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than the connect timeout.</exception>
    public Task<Address> ConnectAsync(Address address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Host is null || address.Port is not { } port)
        {
            throw new ArgumentException($"{address} has no host and port to connect to", nameof(address));
        }

        EndPoint endPoint = IPAddress.TryParse(address.Host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(address.Host, port);
        _dialed[endPoint] = address;
        return ConnectAsync(endPoint, null, cancellationToken);
    }

    /// <summary>
    /// Connects to a server and associates with it (one attempt; with reconnect enabled a lost link
    /// is re-established in the background with backoff).
    /// </summary>
    /// <param name="endPoint">The server's endpoint.</param>
    /// <param name="transport">The transport; null picks TCP or Unix socket by the endpoint's type.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The server's address: resolve paths under it to reach its actors.</returns>
    /// <exception cref="AuthenticationException">Wrong, missing or unproven secret.</exception>
    /// <exception cref="AssociationRefusedException">The server refused (e.g. no common protocol version).</exception>
    /// <exception cref="TransportException">The server cannot be reached.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than the connect timeout.</exception>
    public async Task<Address> ConnectAsync(EndPoint endPoint, RemoteTransport? transport = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var node = EnsureNode(null);
        var association = await node.ConnectAsync(transport ?? TransportFor(endPoint), endPoint, cancellationToken).ConfigureAwait(false);
        return EndpointOf(association).RemoteAddress;
    }

    /// <summary>
    /// Resolves a path on another address (the kernel asks through
    /// <see cref="ActorSystem.ResolveActorRef(ActorPath)"/>): one of this system's own addresses
    /// resolves locally; an associated peer's address gives a <see cref="RemoteActorRef"/>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The reference, or null when no association serves the address (the kernel then gives a dead reference).</returns>
    public IActorRef? ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsLocal(path.Address))
        {
            return System.ResolveLocalActorRef(path);
        }

        return _byAddress.TryGetValue(path.Address, out var association) && association.State != AssociationState.Terminated
            ? EndpointOf(association).RefFor(path)
            : null;
    }

    /// <summary>
    /// Stops remoting: listeners close, queued messages get up to the shutdown flush timeout to be
    /// written, then every association ends with Disassociate SHUTDOWN. Runs by itself in the
    /// coordinated shutdown; idempotent.
    /// </summary>
    /// <returns>A task that completes when every link is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RemoteNode? node;
        lock (_gate)
        {
            node = _node;
        }

        if (node is not null)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The wire form of a local sender: its path without address (cached); a remote sender's full path; empty for none.</summary>
    /// <param name="sender">The sender.</param>
    /// <param name="endpoint">The association the message goes over.</param>
    /// <returns>The Deliver.sender text.</returns>
    internal string SenderWirePath(IActorRef? sender, RemoteEndpoint endpoint)
    {
        if (sender is null)
        {
            return string.Empty;
        }

        var path = sender.Path;
        if (sender is RemoteActorRef remote)
        {
            return ReferenceEquals(remote.Endpoint, endpoint) && remote.WirePath.Length == 0 ? string.Empty : path.ToString();
        }

        return path.Address == System.Address ? _senderPaths.GetValue(path, static p => p.ToStringWithoutAddress()) : path.ToString();
    }

    /// <summary>Whether <paramref name="sender"/> is a local Ask's temporary reference (it gets a failure when its message cannot be delivered).</summary>
    /// <param name="sender">A sender.</param>
    /// <returns>True for <c>/temp/...</c> references of this system.</returns>
    internal bool IsAskReply(IActorRef sender) =>
        sender is not RemoteActorRef && sender.Path.Address == System.Address && sender.Path.Elements is ["temp", ..];

    /// <summary>The endpoint of an association, created on first use.</summary>
    /// <param name="association">The association.</param>
    /// <returns>Its endpoint.</returns>
    internal RemoteEndpoint EndpointOf(Association association)
    {
        if (association.Endpoint is { } existing)
        {
            return existing;
        }

        var address = Address.TryParse(association.Info.RemoteAddress, out var parsed) && parsed!.HasGlobalScope
            ? parsed
            : new Address(Address.DefaultProtocol, "unknown", Sanitize(association.Info.ClientId), 0);
        var created = new RemoteEndpoint(this, association, address);
        return Interlocked.CompareExchange(ref association.Endpoint, created, null) ?? created;
    }

    /// <summary>Whether <paramref name="address"/> is one of this system's own.</summary>
    private bool IsLocal(Address address) => address == System.Address || _localAddresses.ContainsKey(address);

    /// <summary>Creates the link layer on first use; the first caller's address becomes this system's address.</summary>
    private RemoteNode EnsureNode(Address? listenAddress)
    {
        lock (_gate)
        {
            if (_node is not null)
            {
                return _node;
            }

            _address = listenAddress ?? ClientAddress();
            _localAddresses.TryAdd(_address, 0);
            _node = new RemoteNode(new NodeIdentity(_address.ToString(), Incarnation, ClientId), Settings, Registry, System.TimeProvider, Log, new NodeHandler(this));
            return _node;
        }
    }

    /// <summary>The address of a system that has not listened: <c>remoteio://name@client-id:0</c>.</summary>
    private Address ClientAddress() => new(Address.DefaultProtocol, System.Name, Sanitize(ClientId), 0);

    /// <summary>The address peers should use for a listener.</summary>
    private Address AddressOf(TransportListener listener)
    {
        var host = listener.LocalEndPoint switch
        {
            IPEndPoint ip when Settings.Tcp.PublicHostname.Length > 0 => Settings.Tcp.PublicHostname,
            IPEndPoint ip when ip.Address.Equals(IPAddress.Any) || ip.Address.Equals(IPAddress.IPv6Any) => Dns.GetHostName(),
            IPEndPoint ip => ip.Address.ToString(),
            InMemoryEndPoint memory => memory.Name,
            _ => Settings.Tcp.PublicHostname.Length > 0 ? Settings.Tcp.PublicHostname : Dns.GetHostName(),
        };
        var port = listener.LocalEndPoint is IPEndPoint bound ? bound.Port : 0;
        return new Address(Address.DefaultProtocol, System.Name, Sanitize(host), port);
    }

    /// <summary>The transport for an endpoint's type.</summary>
    private RemoteTransport TransportFor(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint or DnsEndPoint => RemoteTransport.Tcp(Settings.Transport),
        UnixDomainSocketEndPoint => RemoteTransport.UnixSocket(Settings.Transport),
        _ => throw new ArgumentException($"no built-in transport for {endPoint} ({endPoint.GetType().Name}): pass the transport explicitly", nameof(endPoint)),
    };

    /// <summary>A host part for an address: letters, digits, '.', '-' and '_' (anything else becomes '-').</summary>
    private static string Sanitize(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' ? c : '-').ToArray();
        return chars.Length == 0 ? "unknown" : new string(chars);
    }
}
