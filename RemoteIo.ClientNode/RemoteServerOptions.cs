using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;

namespace RemoteIo.ClientNode;

/// <summary>
/// How a <see cref="RemoteServer"/> connects and behaves: the session (client name, mode), the
/// link (<see cref="Remote"/>: secret, heartbeats, reconnect with backoff, client id), timeouts
/// and the client node's actor system. <see cref="FromConfig"/> reads <c>remoteio.client</c> and
/// <c>remoteio.remote</c> (hocon/client.conf); immutable, derive variants with <c>WithX</c>.
/// </summary>
public sealed record RemoteServerOptions
{
    /// <summary>The section the client's own settings are read from.</summary>
    public const string ConfigSection = "remoteio.client";

    /// <summary>The defaults of reference.conf.</summary>
    public static RemoteServerOptions Default { get; } = new();

    /// <summary>
    /// How long the client keeps its side of a lost link while reconnecting, when reconnect is on
    /// and no <c>remoteio.remote.resume-grace-period</c> is configured: the host's own grace period
    /// decides whether the session resumes, so the client only needs to wait at least as long.
    /// </summary>
    public static TimeSpan DefaultReconnectGrace { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The host to connect to when none is given (<c>server</c>).</summary>
    public string Server { get; init; } = "127.0.0.1";

    /// <summary>The host's TCP port (<c>port</c>).</summary>
    public int Port { get; init; } = 8509;

    /// <summary>Connect over this Unix domain socket instead of TCP; empty for TCP (<c>unix-socket</c>).</summary>
    public string UnixSocket { get; init; } = string.Empty;

    /// <summary>The client node's actor system name (<c>system-name</c>).</summary>
    public string SystemName { get; init; } = "remoteio-client";

    /// <summary>The session's name on the host; empty for <c>user@machine</c> (<c>client-name</c>).</summary>
    public string ClientName { get; init; } = string.Empty;

    /// <summary>The session's mode (<c>mode</c>).</summary>
    public Mode Mode { get; init; } = Mode.HostDefault;

    /// <summary>How long a request the host answers at once may take (<c>request-timeout</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="RemoteServer.CloseAsync"/> waits for the host's confirmation (<c>close-timeout</c>).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Events buffered per reader of <see cref="PinObserver.EventsAsync"/> before the oldest are dropped (<c>events-buffer</c>).</summary>
    public int EventsBuffer { get; init; } = 1024;

    /// <summary>The link settings: secret, heartbeats, reconnect, client id, connect timeout (<c>remoteio.remote</c>).</summary>
    public RemoteSettings Remote { get; init; } = RemoteSettings.Default;

    /// <summary>The configuration of the client node's actor system (with reference.conf beneath); null for reference.conf alone.</summary>
    public Config? Config { get; init; }

    /// <summary>The clock of the client node (timeouts, heartbeats); null for the real clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The session name sent to the host: <see cref="ClientName"/>, or <c>user@machine</c>.</summary>
    public string EffectiveClientName => ClientName.Length > 0 ? ClientName : $"{Environment.UserName}@{Environment.MachineName}";

    /// <summary>Reads <c>remoteio.client</c> and <c>remoteio.remote</c> from <paramref name="config"/> (missing keys keep their defaults).</summary>
    /// <param name="config">The configuration, e.g. <c>ConfigurationFactory.Load("hocon/client.conf")</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ConfigurationException">A value is invalid; the message names its key.</exception>
    public static RemoteServerOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig(ConfigSection);
        var d = Default;
        var options = new RemoteServerOptions
        {
            Server = c.GetString("server", d.Server)!,
            Port = c.GetInt("port", d.Port),
            UnixSocket = c.GetString("unix-socket", d.UnixSocket)!,
            SystemName = c.GetString("system-name", d.SystemName)!,
            ClientName = c.GetString("client-name", d.ClientName)!,
            Mode = ParseMode(c.GetString("mode", "host-default")!),
            RequestTimeout = c.GetTimeSpan("request-timeout", d.RequestTimeout, allowInfinite: false),
            CloseTimeout = c.GetTimeSpan("close-timeout", d.CloseTimeout, allowInfinite: false),
            EventsBuffer = c.GetInt("events-buffer", d.EventsBuffer),
            Remote = WithClientGrace(RemoteSettings.FromConfig(config), null),
            Config = config,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{ConfigSection}: {e.Message}", e);
        }

        return options;
    }

    /// <summary>Parses a mode name: wait, nowait or host-default.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ConfigurationException">Another name.</exception>
    public static Mode ParseMode(string text) => text.Trim().ToUpperInvariant() switch
    {
        "WAIT" => Mode.Wait,
        "NOWAIT" => Mode.Nowait,
        "HOST-DEFAULT" or "HOSTDEFAULT" or "DEFAULT" => Mode.HostDefault,
        _ => throw new ConfigurationException($"{ConfigSection}.mode = \"{text}\": expected wait, nowait or host-default"),
    };

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            throw new ArgumentException("server must not be empty");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"port {Port} is not a TCP port (1..65535)");
        }

        if (!Actors.Kernel.ActorSystem.IsValidName(SystemName))
        {
            throw new ArgumentException($"system-name \"{SystemName}\" is not a valid actor system name");
        }

        if (RequestTimeout <= TimeSpan.Zero || CloseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("request-timeout and close-timeout must be positive");
        }

        if (EventsBuffer < 1)
        {
            throw new ArgumentException($"events-buffer {EventsBuffer} must be at least 1");
        }
    }

    /// <summary>Returns a copy with another session name.</summary>
    /// <param name="clientName">Shown by <c>remoteio states</c> and in host logs.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithClientName(string clientName)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        return this with { ClientName = clientName };
    }

    /// <summary>Returns a copy with another session mode.</summary>
    /// <param name="mode">wait, nowait or the host's default.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithMode(Mode mode) => this with { Mode = mode };

    /// <summary>Returns a copy with another request timeout.</summary>
    /// <param name="timeout">Positive.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return this with { RequestTimeout = timeout };
    }

    /// <summary>Returns a copy with another close timeout.</summary>
    /// <param name="timeout">Positive.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithCloseTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return this with { CloseTimeout = timeout };
    }

    /// <summary>Returns a copy with another per-reader event buffer.</summary>
    /// <param name="events">At least 1.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithEventsBuffer(int events)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        return this with { EventsBuffer = events };
    }

    /// <summary>Returns a copy that proves <paramref name="secret"/> to the host (and insists the host proves it too).</summary>
    /// <param name="secret">The shared secret, or null for none.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithSecret(SharedSecret? secret) => this with { Remote = Remote.WithSecret(secret) };

    /// <summary>Returns a copy that reads the shared secret from a file (its bytes without one trailing line break).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public RemoteServerOptions WithSecretFile(string path) => WithSecret(SharedSecret.FromFile(path));

    /// <summary>
    /// Returns a copy that reconnects a lost link in the background with exponential backoff
    /// (Polly); within the host's resume grace period the session and its claims survive. The
    /// client keeps its own side of the link meanwhile for <paramref name="clientGrace"/> (default
    /// <see cref="DefaultReconnectGrace"/>, or the configured resume grace period).
    /// </summary>
    /// <param name="reconnect">The policy (<see cref="ReconnectSettings.Enabled"/>, or with its own backoff).</param>
    /// <param name="clientGrace">How long the client waits for the link to come back before it gives the session up.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithReconnect(ReconnectSettings reconnect, TimeSpan? clientGrace = null)
    {
        ArgumentNullException.ThrowIfNull(reconnect);
        return this with { Remote = WithClientGrace(Remote.WithReconnect(reconnect), clientGrace) };
    }

    /// <summary>With reconnect on, a client-side grace period (else a lost link would end the session at once on this side).</summary>
    private static RemoteSettings WithClientGrace(RemoteSettings remote, TimeSpan? grace)
    {
        if (!remote.Reconnect.IsEnabled)
        {
            return remote;
        }

        return remote.WithResumeGracePeriod(grace ?? (remote.ResumeGracePeriod > TimeSpan.Zero ? remote.ResumeGracePeriod : DefaultReconnectGrace));
    }

    /// <summary>Returns a copy with other link settings.</summary>
    /// <param name="remote">The settings.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithRemote(RemoteSettings remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return this with { Remote = remote };
    }

    /// <summary>Returns a copy connecting to another host by default.</summary>
    /// <param name="server">Host name or address.</param>
    /// <param name="port">TCP port.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithServer(string server, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return this with { Server = server, Port = port, UnixSocket = string.Empty };
    }

    /// <summary>Returns a copy connecting over a Unix domain socket by default.</summary>
    /// <param name="path">The socket file.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithUnixSocket(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return this with { UnixSocket = path };
    }

    /// <summary>Returns a copy whose client node runs with another actor system configuration.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return this with { Config = config };
    }

    /// <summary>Returns a copy whose client node runs on another clock.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The copy.</returns>
    public RemoteServerOptions WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return this with { TimeProvider = timeProvider };
    }
}
