using System.IO.Pipelines;
using System.Net;

namespace RemoteIo.Actors.Compat;

/// <summary>A protocol engine a <see cref="CompatListener"/> can serve connections with.</summary>
public interface ICompatProtocolServer
{
    /// <summary>The protocol's name, for logs and error messages ("pigpio", "remoteio").</summary>
    string ProtocolName { get; }

    /// <summary>
    /// Serves one connection until the client leaves or <paramref name="cancellationToken"/> fires,
    /// then closes the connection's session. Never throws: failures are logged and end the connection.
    /// </summary>
    /// <param name="transport">The connection's two directions.</param>
    /// <param name="client">The client's address; null when not from a socket.</param>
    /// <param name="cancellationToken">Ends the connection (the endpoint is stopping).</param>
    Task ServeAsync(IDuplexPipe transport, IPEndPoint? client, CancellationToken cancellationToken);
}
