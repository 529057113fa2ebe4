namespace RemoteIo.Actors.Remote.Transports;

/// <summary>Who can reach a listener: the basis of the "authentication may be off" rule.</summary>
public enum ListenerExposure
{
    /// <summary>Reachable from other machines (e.g. bound to 0.0.0.0 or a LAN address): a secret is required.</summary>
    Network,

    /// <summary>Bound to a loopback address: only processes on this machine can connect.</summary>
    Loopback,

    /// <summary>A Unix socket whose file mode gives other users no write access: only its owner (and group) can connect.</summary>
    RestrictedUnixSocket,

    /// <summary>A Unix socket any local user can connect to: a secret is required.</summary>
    OpenUnixSocket,

    /// <summary>The in-memory transport: only this process can connect.</summary>
    InProcess,
}
