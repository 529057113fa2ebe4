using System.Globalization;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Configuration;

namespace RemoteIo.Host;

/// <summary>
/// The host executable's own settings (HOCON <c>remoteio.host</c>, documented in
/// <c>hocon/reference.conf</c>). Immutable; derive variants with the <c>WithX</c> methods.
/// </summary>
public sealed record HostSettings
{
    /// <summary>The section this record is read from.</summary>
    public const string ConfigSection = "remoteio.host";

    /// <summary>The value of <see cref="Bind"/> that picks the interfaces from the secret.</summary>
    public const string AutoBind = "auto";

    /// <summary>The defaults of reference.conf.</summary>
    public static HostSettings Default { get; } = new();

    /// <summary>The actor system's name, part of the host's address (<c>remoteio://remoteio@pi:8509</c>) (<c>system-name</c>).</summary>
    public string SystemName { get; init; } = "remoteio";

    /// <summary>
    /// The TCP bind address (<c>bind</c>): <c>auto</c> listens on every interface when a shared
    /// secret is configured and on loopback only otherwise; any other value is an address or host
    /// name to bind as given.
    /// </summary>
    public string Bind { get; init; } = AutoBind;

    /// <summary>How long the whole shutdown may take before the process exits anyway (<c>shutdown-timeout</c>).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The console log format: simple (one line per entry), json or systemd (<c>log.format</c>).</summary>
    public HostLogFormat LogFormat { get; init; } = HostLogFormat.Simple;

    /// <summary>The lowest level logged (<c>log.level</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Reads <c>remoteio.host</c> from <paramref name="config"/> (missing keys keep their defaults).</summary>
    /// <param name="config">The whole configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A value is invalid; the message names the key.</exception>
    public static HostSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig(ConfigSection);
        var d = Default;
        var name = c.GetString("system-name", d.SystemName)!;
        if (!Actors.Kernel.ActorSystem.IsValidName(name))
        {
            throw new ConfigurationException($"{ConfigSection}.system-name = \"{name}\": use letters, digits, '-' and '_', starting with a letter or digit");
        }

        var bind = c.GetString("bind", d.Bind)!.Trim();
        if (bind.Length == 0)
        {
            throw new ConfigurationException($"{ConfigSection}.bind is empty: use auto, an address (127.0.0.1, 0.0.0.0, ::) or a host name");
        }

        return new HostSettings
        {
            SystemName = name,
            Bind = bind,
            ShutdownTimeout = c.GetTimeSpan("shutdown-timeout", d.ShutdownTimeout, allowInfinite: false),
            LogFormat = ParseFormat(c.GetString("log.format", "simple")!),
            LogLevel = ParseLevel(c.GetString("log.level", "information")!),
        };
    }

    /// <summary>Returns a copy with another bind address.</summary>
    /// <param name="bind"><c>auto</c>, an address or a host name.</param>
    /// <returns>The copy.</returns>
    public HostSettings WithBind(string bind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bind);
        return this with { Bind = bind };
    }

    /// <summary>Returns a copy with another actor system name.</summary>
    /// <param name="systemName">A valid actor system name.</param>
    /// <returns>The copy.</returns>
    public HostSettings WithSystemName(string systemName)
    {
        if (!Actors.Kernel.ActorSystem.IsValidName(systemName))
        {
            throw new ArgumentException($"\"{systemName}\" is not a valid actor system name", nameof(systemName));
        }

        return this with { SystemName = systemName };
    }

    /// <summary>Returns a copy with another shutdown timeout.</summary>
    /// <param name="timeout">Positive.</param>
    /// <returns>The copy.</returns>
    public HostSettings WithShutdownTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return this with { ShutdownTimeout = timeout };
    }

    /// <summary>Returns a copy with another log format and level.</summary>
    /// <param name="format">The console format.</param>
    /// <param name="level">The lowest level logged.</param>
    /// <returns>The copy.</returns>
    public HostSettings WithLogging(HostLogFormat format, LogLevel level) => this with { LogFormat = format, LogLevel = level };

    /// <summary>simple | json | systemd.</summary>
    private static HostLogFormat ParseFormat(string text) => text.Trim().ToUpperInvariant() switch
    {
        "SIMPLE" => HostLogFormat.Simple,
        "JSON" => HostLogFormat.Json,
        "SYSTEMD" => HostLogFormat.Systemd,
        _ => throw new ConfigurationException($"{ConfigSection}.log.format = \"{text}\": expected simple, json or systemd"),
    };

    /// <summary>A Microsoft.Extensions.Logging level name (trace, debug, information/info, warning, error, critical, none).</summary>
    private static LogLevel ParseLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFORMATION" or "INFO" => LogLevel.Information,
        "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        "NONE" or "OFF" => LogLevel.None,
        _ => throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{ConfigSection}.log.level = \"{text}\": expected trace, debug, information, warning, error, critical or none")),
    };
}
