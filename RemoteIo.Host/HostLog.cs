using Microsoft.Extensions.Logging;

namespace RemoteIo.Host;

/// <summary>
/// The host's own log lines, as source-generated structured log methods: each has a stable event
/// id and named properties (for JSON logs and filters) and costs nothing when its level is off.
/// </summary>
internal static partial class HostLog
{
    /// <summary>The GPIO driver that was chosen and why.</summary>
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Choice}")]
    public static partial void GpioDriverChosen(ILogger logger, string choice);

    /// <summary>TCP is off.</summary>
    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "TCP endpoint disabled (remoteio.remote.tcp.enabled = off)")]
    public static partial void TcpDisabled(ILogger logger);

    /// <summary>An explicit bind address.</summary>
    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Binding TCP to {Address} as configured (remoteio.host.bind); authentication {Authentication}")]
    public static partial void BindConfigured(ILogger logger, string address, string authentication);

    /// <summary>Every interface, because a secret is configured.</summary>
    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "Binding TCP to all interfaces ({Address}) because a shared secret is configured (from {SecretOrigin}): every client must authenticate")]
    public static partial void BindAllInterfaces(ILogger logger, string address, string secretOrigin);

    /// <summary>Loopback only, because no secret is configured.</summary>
    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "Binding TCP to loopback only ({Address}) because no shared secret is configured: set remoteio.remote.secret-file (or --secret-file) to accept clients from other machines")]
    public static partial void BindLoopbackOnly(ILogger logger, string address);

    /// <summary>The host accepts connections.</summary>
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "RemoteIo host {Address} listening on {Endpoints}; ready {ReadyMs:F0} ms after start-up began{SinceProcess}; {JitMethods} methods JIT-compiled in {JitMs:F0} ms")]
    public static partial void Listening(ILogger logger, string address, string endpoints, double readyMs, string sinceProcess, long jitMethods, double jitMs);

    /// <summary>Where the transition log goes.</summary>
    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Simulated transition log: written to {Path} on SIGUSR1, on `remoteio dump-transitions` and at shutdown")]
    public static partial void TransitionLogConfigured(ILogger logger, string path);

    /// <summary>The transition log is not written to a file.</summary>
    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Simulated transition log: not written to a file ({Reason})")]
    public static partial void TransitionLogUnavailable(ILogger logger, string reason);

    /// <summary>The transition log was written.</summary>
    [LoggerMessage(EventId = 132, Level = LogLevel.Information, Message = "Transition log written ({Reason}): {Rows} transitions to {Path}{DroppedNote}")]
    public static partial void TransitionLogWritten(ILogger logger, string reason, int rows, string path, string droppedNote);

    /// <summary>Writing the transition log failed.</summary>
    [LoggerMessage(EventId = 133, Level = LogLevel.Error, Message = "Writing the transition log to {Path} failed: {Reason}")]
    public static partial void TransitionLogFailed(ILogger logger, Exception exception, string? path, string reason);
}
