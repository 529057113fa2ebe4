using Microsoft.Extensions.Logging;

namespace RemoteIo.Host;

/// <summary>Console logging as <c>remoteio.host.log</c> says: one line per entry, JSON, or systemd's format.</summary>
internal static class HostLogging
{
    /// <summary>Sets the provider, format and level.</summary>
    /// <param name="logging">The host's logging builder.</param>
    /// <param name="settings">The host settings.</param>
    public static void Configure(ILoggingBuilder logging, HostSettings settings)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(settings.LogLevel);
        switch (settings.LogFormat)
        {
            case HostLogFormat.Json:
                logging.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                    o.IncludeScopes = true;
                });
                break;
            case HostLogFormat.Systemd:
                logging.AddSystemdConsole(o => o.IncludeScopes = false);
                break;
            default:
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                });
                break;
        }
    }
}
