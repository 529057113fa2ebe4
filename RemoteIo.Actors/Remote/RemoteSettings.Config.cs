using System.Globalization;
using RemoteIo.Actors.Configuration;

namespace RemoteIo.Actors.Remote;

/// <summary>Reading <see cref="RemoteSettings"/> from HOCON.</summary>
public sealed partial record RemoteSettings
{
    /// <summary>The section this record is read from.</summary>
    public const string ConfigSection = "remoteio.remote";

    /// <summary>
    /// Reads the <c>remoteio.remote</c> section of <paramref name="config"/> (missing keys keep
    /// their defaults; give a config with reference.conf beneath it to see them documented).
    /// </summary>
    /// <param name="config">The whole configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A value has the wrong type or is out of range; the message names the key.</exception>
    public static RemoteSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig(ConfigSection);
        var d = Default;
        var settings = Check("maximum-frame-size", () => d.WithMaximumFrameSize(checked((int)c.GetByteSize("maximum-frame-size", d.MaximumFrameSize))));
        settings = Check("handshake-timeout", () => settings.WithHandshakeTimeout(c.GetTimeSpan("handshake-timeout", d.HandshakeTimeout, allowInfinite: false)));
        settings = Check("heartbeat-interval", () => settings.WithHeartbeat(
            c.GetTimeSpan("heartbeat-interval", d.HeartbeatInterval, allowInfinite: false),
            c.GetTimeSpan("acceptable-heartbeat-pause", d.AcceptableHeartbeatPause, allowInfinite: false)));
        var overflow = Check("outbound-overflow", () => ParseOverflow(c.GetString("outbound-overflow", "fail")!));
        settings = Check("outbound-queue-capacity", () => settings.WithOutboundQueue(
            c.GetInt("outbound-queue-capacity", d.OutboundQueueCapacity),
            overflow,
            c.GetTimeSpan("outbound-wait-timeout", d.OutboundWaitTimeout, allowInfinite: false)));
        settings = Check("resume-grace-period", () => settings.WithResumeGracePeriod(c.GetTimeSpan("resume-grace-period", d.ResumeGracePeriod, allowInfinite: false)));
        settings = Check("shutdown-flush-timeout", () => settings.WithShutdownFlushTimeout(c.GetTimeSpan("shutdown-flush-timeout", d.ShutdownFlushTimeout, allowInfinite: false)));
        settings = Check("secret", () => settings.WithSecret(ReadSecret(c)));
        settings = Check("tcp", () => settings.WithTcp(d.Tcp
            .WithEnabled(c.GetBoolean("tcp.enabled", d.Tcp.Enabled))
            .WithBinding(c.GetString("tcp.hostname", d.Tcp.Hostname)!, c.GetInt("tcp.port", d.Tcp.Port))
            .WithPublicHostname(c.GetString("tcp.public-hostname", d.Tcp.PublicHostname)!)));
        settings = Check("unix", () => settings.WithUnix(d.Unix
            .WithEnabled(c.GetBoolean("unix.enabled", d.Unix.Enabled), c.GetString("unix.path", d.Unix.Path))
            .WithMode(ParseMode(c.GetString("unix.mode", "0660")!))));
        settings = Check("receive-threads", () => settings.WithTransport(settings.Transport.WithReceiveThreads(c.GetInt("receive-threads", d.Transport.ReceiveThreads))));
        settings = Check("send-stall-timeout", () => settings.WithTransport(settings.Transport.WithSendStallTimeout(c.GetTimeSpan("send-stall-timeout", d.Transport.SendStallTimeout, allowInfinite: false))));
        settings = Check("client.id", () => settings.WithClientId(c.GetString("client.id", string.Empty) is { Length: > 0 } id ? id : null));
        settings = Check("client.connect-timeout", () => settings.WithConnectTimeout(c.GetTimeSpan("client.connect-timeout", d.ConnectTimeout, allowInfinite: false)));
        return Check("client.reconnect", () => settings.WithReconnect(ReconnectSettings.Disabled
            .WithEnabled(c.GetBoolean("client.reconnect.enabled", false))
            .WithBackoff(
                c.GetTimeSpan("client.reconnect.min-backoff", d.Reconnect.MinBackoff, allowInfinite: false),
                c.GetTimeSpan("client.reconnect.max-backoff", d.Reconnect.MaxBackoff, allowInfinite: false))
            .WithMaxAttempts(c.GetInt("client.reconnect.max-attempts", 0))));
    }

    /// <summary>The secret from <c>secret-file</c> (preferred) or <c>secret</c>; null when both are empty.</summary>
    private static SharedSecret? ReadSecret(Config c)
    {
        var file = c.GetString("secret-file", string.Empty);
        if (!string.IsNullOrEmpty(file))
        {
            return SharedSecret.FromFile(file);
        }

        var text = c.GetString("secret", string.Empty);
        return string.IsNullOrEmpty(text) ? null : SharedSecret.FromText(text);
    }

    /// <summary><c>fail</c> or <c>wait</c>.</summary>
    private static OutboundOverflowMode ParseOverflow(string text) => text.Trim().ToUpperInvariant() switch
    {
        "FAIL" => OutboundOverflowMode.Fail,
        "WAIT" => OutboundOverflowMode.Wait,
        _ => throw new ArgumentException($"expected fail or wait, got \"{text}\""),
    };

    /// <summary>An octal file mode such as 0660.</summary>
    private static UnixFileMode ParseMode(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is < 3 or > 4 || trimmed.Any(ch => ch is < '0' or > '7'))
        {
            throw new ArgumentException($"expected an octal file mode such as 0660, got \"{text}\"");
        }

        return (UnixFileMode)Convert.ToInt32(trimmed, 8);
    }

    /// <summary>Runs one step, turning argument errors into configuration errors that name the key.</summary>
    private static T Check<T>(string key, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or OverflowException)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{ConfigSection}.{key}: {ex.Message}"), ex);
        }
    }
}
