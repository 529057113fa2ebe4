using System.Net;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>The remoteio endpoint's host: the pin domain; every connection is a pins session (<see cref="PinsRemoteioSession"/>).</summary>
/// <param name="pins">The pin domain.</param>
/// <param name="mode">The mode of the connections' sessions (host default, wait or nowait).</param>
internal sealed class PinsRemoteioBackend(PinsAccess pins, Mode mode) : IRemoteioBackend
{
    /// <inheritdoc />
    public IRemoteioSession OpenSession(IPEndPoint? client) =>
        new PinsRemoteioSession(pins.NewClient("remoteio"), client is null ? "remoteio" : $"remoteio {client}", mode);
}
