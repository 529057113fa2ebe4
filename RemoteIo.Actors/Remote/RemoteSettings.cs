using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// Everything the Remote layer is configured with (HOCON section <c>remoteio.remote</c>; every key
/// is documented in <c>hocon/reference.conf</c>).
/// </summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods, which validate their argument.</remarks>
public sealed partial record RemoteSettings
{
    /// <summary>The built-in defaults (the same as reference.conf's).</summary>
    public static RemoteSettings Default { get; } = new();

    /// <summary>Largest frame accepted from a peer (and sent to one), in bytes. Default 1 MiB.</summary>
    public int MaximumFrameSize { get; init; } = 1024 * 1024;

    /// <summary>How long a connection may take to complete the handshake. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each side sends a heartbeat. Default 1 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much silence beyond one heartbeat interval is tolerated before the link is declared
    /// dead (deadline failure detector: dead after interval + pause without any frame). Default 3 s.
    /// </summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Messages queued per association before <see cref="OutboundOverflow"/> applies. Default 65536:
    /// a burst of ten thousand commands and their outcomes fits while the link drains it.
    /// </summary>
    public int OutboundQueueCapacity { get; init; } = 65536;

    /// <summary>What a Tell does when the queue is full. Default <see cref="OutboundOverflowMode.Fail"/> (a Tell never blocks).</summary>
    public OutboundOverflowMode OutboundOverflow { get; init; } = OutboundOverflowMode.Fail;

    /// <summary>How long a sender waits for room in <see cref="OutboundOverflowMode.Wait"/> mode. Default 5 s.</summary>
    public TimeSpan OutboundWaitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an association outlives its lost link, waiting for the same client (same id and
    /// incarnation) to reconnect and resume it; nothing is terminated meanwhile and queued messages
    /// are kept. Zero (the default): terminated at once.
    /// </summary>
    public TimeSpan ResumeGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The shared secret for authentication, or null for none. A listener without a secret binds
    /// only loopback addresses or restricted Unix sockets; a client with a secret insists that the
    /// server proves it knows it too.
    /// </summary>
    public SharedSecret? Secret { get; init; }

    /// <summary>
    /// This node's client id (sent when it connects), or null to generate one per process
    /// (<c>machine-pid-random</c>). A fixed id lets the server recognise a restarted client (a new
    /// incarnation) and end its previous association at once.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>How long connecting (transport connect plus handshake) may take. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Client reconnect policy. Default: disabled.</summary>
    public ReconnectSettings Reconnect { get; init; } = ReconnectSettings.Disabled;

    /// <summary>How long shutting down waits for queued messages to be written before it closes links. Default 2 s.</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Transport buffer limits, the Unix socket file mode, receive threads and the send stall timeout.</summary>
    public TransportOptions Transport { get; init; } = TransportOptions.Default;

    /// <summary>The TCP endpoint <see cref="Remoting.StartListeningAsync"/> listens on (when enabled).</summary>
    public TcpEndpointSettings Tcp { get; init; } = TcpEndpointSettings.Default;

    /// <summary>The Unix socket <see cref="Remoting.StartListeningAsync"/> listens on (when enabled).</summary>
    public UnixSocketEndpointSettings Unix { get; init; } = UnixSocketEndpointSettings.Default;

    /// <summary>The heartbeat deadline: interval plus acceptable pause.</summary>
    public TimeSpan HeartbeatDeadline => HeartbeatInterval + AcceptableHeartbeatPause;

    /// <summary>Returns a copy with another maximum frame size.</summary>
    /// <param name="bytes">At least 4 KiB, at most 64 MiB.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithMaximumFrameSize(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 4096);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, 64 * 1024 * 1024);
        return this with
        {
            MaximumFrameSize = bytes,
            Transport = Transport.ReceiveBufferLimit <= bytes ? Transport.WithReceiveBufferLimit(2L * bytes) : Transport,
        };
    }

    /// <summary>Returns a copy with another handshake timeout.</summary>
    /// <param name="timeout">Positive.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithHandshakeTimeout(TimeSpan timeout) => this with { HandshakeTimeout = Positive(timeout) };

    /// <summary>Returns a copy with another heartbeat interval and acceptable pause.</summary>
    /// <param name="interval">Positive.</param>
    /// <param name="acceptablePause">Zero or more.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithHeartbeat(TimeSpan interval, TimeSpan acceptablePause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptablePause, TimeSpan.Zero);
        return this with { HeartbeatInterval = Positive(interval), AcceptableHeartbeatPause = acceptablePause };
    }

    /// <summary>Returns a copy with another outbound queue capacity and overflow behaviour.</summary>
    /// <param name="capacity">At least 1.</param>
    /// <param name="overflow">What a send does when the queue is full.</param>
    /// <param name="waitTimeout">For <see cref="OutboundOverflowMode.Wait"/>: how long a sender waits; null keeps the current one.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithOutboundQueue(int capacity, OutboundOverflowMode overflow, TimeSpan? waitTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return this with
        {
            OutboundQueueCapacity = capacity,
            OutboundOverflow = overflow,
            OutboundWaitTimeout = waitTimeout is { } timeout ? Positive(timeout) : OutboundWaitTimeout,
        };
    }

    /// <summary>Returns a copy with another resume grace period.</summary>
    /// <param name="grace">Zero (terminate at once) or more.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithResumeGracePeriod(TimeSpan grace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        return this with { ResumeGracePeriod = grace };
    }

    /// <summary>Returns a copy with another secret.</summary>
    /// <param name="secret">The secret, or null for none.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithSecret(SharedSecret? secret) => this with { Secret = secret };

    /// <summary>Returns a copy with a fixed client id.</summary>
    /// <param name="clientId">1 to 128 bytes of UTF-8 without control characters, or null to generate one.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithClientId(string? clientId)
    {
        if (clientId is not null && ClientIdentity.Validate(clientId) is { } error)
        {
            throw new ArgumentException(error, nameof(clientId));
        }

        return this with { ClientId = clientId };
    }

    /// <summary>Returns a copy with another connect timeout.</summary>
    /// <param name="timeout">Positive.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithConnectTimeout(TimeSpan timeout) => this with { ConnectTimeout = Positive(timeout) };

    /// <summary>Returns a copy with another reconnect policy.</summary>
    /// <param name="reconnect">The policy.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithReconnect(ReconnectSettings reconnect)
    {
        ArgumentNullException.ThrowIfNull(reconnect);
        return this with { Reconnect = reconnect };
    }

    /// <summary>Returns a copy with another shutdown flush timeout.</summary>
    /// <param name="timeout">Zero or more.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithShutdownFlushTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return this with { ShutdownFlushTimeout = timeout };
    }

    /// <summary>Returns a copy with other transport options.</summary>
    /// <param name="transport">The options; their receive buffer must exceed the maximum frame size.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithTransport(TransportOptions transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (transport.ReceiveBufferLimit <= MaximumFrameSize)
        {
            throw new ArgumentException(
                $"the receive buffer limit ({transport.ReceiveBufferLimit} bytes) must exceed the maximum frame size ({MaximumFrameSize} bytes): a frame is buffered whole", nameof(transport));
        }

        return this with { Transport = transport };
    }

    /// <summary>Returns a copy with another TCP endpoint.</summary>
    /// <param name="tcp">The endpoint settings.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithTcp(TcpEndpointSettings tcp)
    {
        ArgumentNullException.ThrowIfNull(tcp);
        return this with { Tcp = tcp };
    }

    /// <summary>Returns a copy with another Unix socket endpoint (its mode also becomes the transport's).</summary>
    /// <param name="unix">The endpoint settings.</param>
    /// <returns>The copy.</returns>
    public RemoteSettings WithUnix(UnixSocketEndpointSettings unix)
    {
        ArgumentNullException.ThrowIfNull(unix);
        return this with { Unix = unix, Transport = Transport.WithUnixSocketFileMode(unix.Mode) };
    }

    /// <summary>Rejects zero and negative durations.</summary>
    private static TimeSpan Positive(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
        return value;
    }
}
