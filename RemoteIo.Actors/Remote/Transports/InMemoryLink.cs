using System.IO.Pipelines;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// One in-memory connection: two directions (<see cref="ClientToServer"/>,
/// <see cref="ServerToClient"/>) whose faults a test controls, and <see cref="Cut"/>, which breaks
/// the connection like a reset.
/// </summary>
public sealed class InMemoryLink
{
    /// <summary>The network, told when both directions have ended.</summary>
    private readonly InMemoryNetwork _network;

    /// <summary>How many directions are still relaying.</summary>
    private int _running = 2;

    /// <summary>1 once cut.</summary>
    private int _cut;

    /// <summary>Creates both directions and both ends, and starts relaying.</summary>
    /// <param name="network">The network.</param>
    /// <param name="client">The connecting side's name.</param>
    /// <param name="server">The listener's name.</param>
    internal InMemoryLink(InMemoryNetwork network, InMemoryEndPoint client, InMemoryEndPoint server)
    {
        _network = network;
        ClientEndPoint = client;
        ServerEndPoint = server;
        ClientToServer = new InMemoryFlow(this, $"{client} -> {server}", network.TimeProvider);
        ServerToClient = new InMemoryFlow(this, $"{server} -> {client}", network.TimeProvider);
        ClientSide = new InMemoryConnection(this, ServerToClient.Target.Reader, ClientToServer.Source.Writer, server, $"inmem {client} -> {server}");
        ServerSide = new InMemoryConnection(this, ClientToServer.Target.Reader, ServerToClient.Source.Writer, client, $"inmem {server} <- {client}");
        ClientToServer.Start();
        ServerToClient.Start();
    }

    /// <summary>The connecting side's (generated) name.</summary>
    public InMemoryEndPoint ClientEndPoint { get; }

    /// <summary>The listener's name.</summary>
    public InMemoryEndPoint ServerEndPoint { get; }

    /// <summary>Frames the client sends.</summary>
    public InMemoryFlow ClientToServer { get; }

    /// <summary>Frames the server sends.</summary>
    public InMemoryFlow ServerToClient { get; }

    /// <summary>True once <see cref="Cut"/> was called.</summary>
    public bool IsCut => Volatile.Read(ref _cut) != 0;

    /// <summary>The connecting side's connection.</summary>
    internal InMemoryConnection ClientSide { get; }

    /// <summary>The accepting side's connection.</summary>
    internal InMemoryConnection ServerSide { get; }

    /// <summary>
    /// Breaks the connection in both directions at once, as a reset would: data in flight is
    /// lost, both sides' reads fail with a <see cref="TransportException"/>.
    /// </summary>
    public void Cut()
    {
        if (Interlocked.Exchange(ref _cut, 1) != 0)
        {
            return;
        }

        ClientToServer.Cut();
        ServerToClient.Cut();
    }

    /// <summary>Drops every frame in both directions from now on while the connection stays open (a silent peer).</summary>
    /// <param name="on">True to drop, false to let frames through again.</param>
    public void Blackhole(bool on = true)
    {
        ClientToServer.Blackhole = on;
        ServerToClient.Blackhole = on;
    }

    /// <summary>Called by a direction when its relay ends.</summary>
    internal void FlowEnded()
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _network.Closed(this);
        }
    }

    /// <summary>The pipe options of both ends: the same buffer limits the socket transports use.</summary>
    /// <param name="limit">Pause threshold in bytes.</param>
    /// <returns>The options.</returns>
    internal static PipeOptions PipeOptionsFor(long limit) =>
        new(pauseWriterThreshold: limit, resumeWriterThreshold: limit / 2, useSynchronizationContext: false);
}
