namespace RemoteIo.Host;

/// <summary>How the host writes its log to the console (HOCON <c>remoteio.host.log.format</c>).</summary>
public enum HostLogFormat
{
    /// <summary>One line per entry with a UTC timestamp: for terminals and plain log files.</summary>
    Simple = 0,

    /// <summary>One JSON object per line with every structured property: for log collectors.</summary>
    Json = 1,

    /// <summary>systemd's format (syslog priority prefix, no timestamp): for journald.</summary>
    Systemd = 2,
}
