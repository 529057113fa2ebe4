using System.Net;

namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>The host as the remoteio text endpoint sees it: opens one session per client connection.</summary>
public interface IRemoteioBackend
{
    /// <summary>Opens the session of one client connection (the host's default wait/nowait mode applies).</summary>
    /// <param name="client">The client's address, for the host's logs and state listings; null when not from a socket.</param>
    IRemoteioSession OpenSession(IPEndPoint? client);
}
