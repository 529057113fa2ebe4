using System.Net;
using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat;

/// <summary>The compatibility endpoints' log messages (source-generated: nothing is formatted or boxed when the level is off).</summary>
internal static partial class CompatLog
{
    [LoggerMessage(1, LogLevel.Information, "{Protocol} listening on {Endpoint}")]
    public static partial void Listening(this ILogger logger, string protocol, IPEndPoint endpoint);

    [LoggerMessage(2, LogLevel.Warning, "{Protocol}: accept failed")]
    public static partial void AcceptFailed(this ILogger logger, Exception exception, string protocol);

    [LoggerMessage(3, LogLevel.Warning, "{Protocol}: refused {Remote}: not in the allowed client networks")]
    public static partial void RefusedAddress(this ILogger logger, string protocol, IPEndPoint remote);

    [LoggerMessage(4, LogLevel.Warning, "{Protocol}: refused {Remote}: {Max} connections already served")]
    public static partial void RefusedTooMany(this ILogger logger, string protocol, IPEndPoint remote, int max);

    [LoggerMessage(5, LogLevel.Debug, "{Protocol}: client {Remote} connected")]
    public static partial void Connected(this ILogger logger, string protocol, IPEndPoint remote);

    [LoggerMessage(6, LogLevel.Debug, "{Protocol}: client {Remote} disconnected")]
    public static partial void Disconnected(this ILogger logger, string protocol, IPEndPoint remote);

    [LoggerMessage(7, LogLevel.Error, "{Protocol}: connection from {Remote} failed")]
    public static partial void ConnectionFailed(this ILogger logger, Exception exception, string protocol, IPEndPoint? remote);

    [LoggerMessage(8, LogLevel.Debug, "{Protocol}: connection from {Remote} ended")]
    public static partial void ConnectionEnded(this ILogger logger, Exception exception, string protocol, IPEndPoint? remote);

    [LoggerMessage(9, LogLevel.Error, "{Protocol}: closing the session of {Remote} failed")]
    public static partial void SessionCloseFailed(this ILogger logger, Exception exception, string protocol, IPEndPoint? remote);

    [LoggerMessage(20, LogLevel.Debug, "pigpio: notification handle {Handle} stopped sending")]
    public static partial void NotifyPumpStopped(this ILogger logger, Exception exception, int handle);

    [LoggerMessage(21, LogLevel.Warning, "pigpio: notification handle {Handle} reader is too slow; reports are dropped")]
    public static partial void NotifyDropping(this ILogger logger, int handle);

    [LoggerMessage(22, LogLevel.Warning, "pigpio: {Command} refused: the host is shutting down")]
    public static partial void PigpioShuttingDown(this ILogger logger, Exception exception, Pigpio.PigpioCommand command);

    [LoggerMessage(23, LogLevel.Error, "pigpio: {Command}({P1}, {P2}) failed in the backend")]
    public static partial void PigpioBackendFailed(this ILogger logger, Exception exception, Pigpio.PigpioCommand command, uint p1, uint p2);

    [LoggerMessage(24, LogLevel.Warning, "pigpio: {Remote} sent a {Length}-byte extension (max {Max}); closing")]
    public static partial void PigpioExtensionTooLarge(this ILogger logger, IPEndPoint? remote, uint length, int max);

    [LoggerMessage(40, LogLevel.Error, "remoteio: {Command} for {Pin} failed in the backend")]
    public static partial void RemoteioBackendFailed(this ILogger logger, Exception exception, string command, string pin);
}
