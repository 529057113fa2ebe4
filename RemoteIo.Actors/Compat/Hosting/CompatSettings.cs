using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Hosting;

/// <summary>
/// The compatibility endpoints' settings: the <c>remoteio.compat</c> section of the HOCON
/// configuration (every key is documented in hocon/reference.conf). Both endpoints are off by
/// default. Immutable; derive variants with the <c>WithX</c> methods.
/// </summary>
public sealed record CompatSettings
{
    /// <summary>pigpiod's port.</summary>
    public const int DefaultPigpioPort = 8888;

    /// <summary>The remoteio text endpoint's port: next to the native protocol's 8509 (remoteio's own port), which the host's remoting already uses.</summary>
    public const int DefaultRemoteioPort = 8510;

    /// <summary>The settings of <c>reference.conf</c>: both endpoints off.</summary>
    public static CompatSettings Default { get; } = new();

    /// <summary>Whether the pigpio endpoint runs (<c>pigpio.enabled</c>).</summary>
    public bool PigpioEnabled { get; init; }

    /// <summary>Where the pigpio endpoint listens and whom it admits (<c>pigpio.bind</c>, <c>port</c>, <c>allowed-clients</c>, <c>max-connections</c>).</summary>
    public CompatEndpointOptions PigpioEndpoint { get; init; } = new() { Port = DefaultPigpioPort };

    /// <summary>How the pigpio endpoint emulates pigpiod (<c>pigpio.update-mask</c>, <c>hardware-revision</c>, <c>sample-rate</c>, ...).</summary>
    public PigpioOptions Pigpio { get; init; } = PigpioOptions.Default;

    /// <summary>The mode of pigpio connections' sessions (<c>pigpio.mode</c>); <see cref="Mode.HostDefault"/> follows <c>remoteio.pins.default-mode</c>.</summary>
    public Mode PigpioMode { get; init; } = Mode.HostDefault;

    /// <summary>Whether the remoteio text endpoint runs (<c>remoteio.enabled</c>).</summary>
    public bool RemoteioEnabled { get; init; }

    /// <summary>Where the remoteio endpoint listens and whom it admits (<c>remoteio.bind</c>, <c>port</c>, <c>allowed-clients</c>, <c>max-connections</c>).</summary>
    public CompatEndpointOptions RemoteioEndpoint { get; init; } = new() { Port = DefaultRemoteioPort };

    /// <summary>How the remoteio endpoint reads requests (<c>remoteio.max-request-bytes</c>).</summary>
    public RemoteioTextOptions Remoteio { get; init; } = RemoteioTextOptions.Default;

    /// <summary>The mode of remoteio connections' sessions (<c>remoteio.mode</c>); <see cref="Mode.HostDefault"/> follows <c>remoteio.pins.default-mode</c>.</summary>
    public Mode RemoteioMode { get; init; } = Mode.HostDefault;

    /// <summary>How long a request waits for the pins' answer before it fails (<c>reply-timeout</c>).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads <c>remoteio.compat</c> from <paramref name="config"/> (reference.conf beneath it).</summary>
    /// <param name="config">The whole configuration, e.g. <c>system.Settings.Config</c>.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ConfigurationException">A setting is invalid; the message names its key and value.</exception>
    public static CompatSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new CompatConfigReader(config.WithFallback(ConfigurationFactory.Reference()), "remoteio.compat");
        var settings = new CompatSettings
        {
            ReplyTimeout = reader.Duration("reply-timeout"),
            PigpioEnabled = reader.Flag("pigpio.enabled"),
            PigpioEndpoint = reader.Endpoint("pigpio"),
            PigpioMode = reader.Mode("pigpio.mode"),
            Pigpio = PigpioOptions.Default
                .WithUpdateMask(reader.Hex("pigpio.update-mask"))
                .WithHardwareRevision(reader.Revision("pigpio.hardware-revision"))
                .WithSampleRate(reader.Int("pigpio.sample-rate"))
                .WithHardwarePwmClock(reader.Long("pigpio.hardware-pwm-clock"))
                .WithAliveInterval(reader.Duration("pigpio.alive-interval"))
                .WithNotificationQueueCapacity(reader.Int("pigpio.notification-queue-capacity")),
            RemoteioEnabled = reader.Flag("remoteio.enabled"),
            RemoteioEndpoint = reader.Endpoint("remoteio"),
            RemoteioMode = reader.Mode("remoteio.mode"),
            Remoteio = RemoteioTextOptions.Default.WithMaxRequestBytes(reader.Int("remoteio.max-request-bytes")),
        };

        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"remoteio.compat: {e.Message}", e);
        }

        return settings;
    }

    /// <summary>Returns a copy with the pigpio endpoint on or off.</summary>
    /// <param name="enabled">Whether it runs.</param>
    public CompatSettings WithPigpioEnabled(bool enabled) => this with { PigpioEnabled = enabled };

    /// <summary>Returns a copy with another pigpio listening endpoint.</summary>
    /// <param name="endpoint">Address, port, admitted clients, connection limit.</param>
    public CompatSettings WithPigpioEndpoint(CompatEndpointOptions endpoint) => this with { PigpioEndpoint = endpoint };

    /// <summary>Returns a copy with other pigpio emulation options.</summary>
    /// <param name="options">The options.</param>
    public CompatSettings WithPigpio(PigpioOptions options) => this with { Pigpio = options };

    /// <summary>Returns a copy whose pigpio sessions run in <paramref name="mode"/>.</summary>
    /// <param name="mode">Host default, wait or nowait.</param>
    public CompatSettings WithPigpioMode(Mode mode) => this with { PigpioMode = mode };

    /// <summary>Returns a copy with the remoteio endpoint on or off.</summary>
    /// <param name="enabled">Whether it runs.</param>
    public CompatSettings WithRemoteioEnabled(bool enabled) => this with { RemoteioEnabled = enabled };

    /// <summary>Returns a copy with another remoteio listening endpoint.</summary>
    /// <param name="endpoint">Address, port, admitted clients, connection limit.</param>
    public CompatSettings WithRemoteioEndpoint(CompatEndpointOptions endpoint) => this with { RemoteioEndpoint = endpoint };

    /// <summary>Returns a copy with other remoteio request limits.</summary>
    /// <param name="options">The options.</param>
    public CompatSettings WithRemoteio(RemoteioTextOptions options) => this with { Remoteio = options };

    /// <summary>Returns a copy whose remoteio sessions run in <paramref name="mode"/>.</summary>
    /// <param name="mode">Host default, wait or nowait.</param>
    public CompatSettings WithRemoteioMode(Mode mode) => this with { RemoteioMode = mode };

    /// <summary>Returns a copy waiting <paramref name="timeout"/> for the pins' answers.</summary>
    /// <param name="timeout">A positive duration.</param>
    public CompatSettings WithReplyTimeout(TimeSpan timeout) => this with { ReplyTimeout = timeout };

    /// <summary>Checks the settings and says exactly what is wrong.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ReplyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"reply-timeout {ReplyTimeout} must be positive.");
        }

        if (!Enum.IsDefined(PigpioMode) || !Enum.IsDefined(RemoteioMode))
        {
            throw new ArgumentException("a session mode must be host default, wait or nowait.");
        }

        PigpioEndpoint.Validate("pigpio");
        Pigpio.Validate();
        RemoteioEndpoint.Validate("remoteio");
        Remoteio.Validate();
        if (PigpioEnabled && RemoteioEnabled && PigpioEndpoint.Port != 0 && PigpioEndpoint.Port == RemoteioEndpoint.Port)
        {
            throw new ArgumentException($"the pigpio and remoteio endpoints cannot share port {PigpioEndpoint.Port}.");
        }
    }
}
