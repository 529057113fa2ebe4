using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// remoteio's text protocol (its wait/nowait server's) over a RemoteIo backend: remoteio clients
/// (<c>RemoteServer</c> / <c>remote_pin</c>) drive the host's pins unchanged. Each connection is a
/// session; the host's wait/nowait mode, busy pins and soft close apply as for native clients.
/// Serve it over TCP with a <see cref="CompatListener"/> (a RemoteIo host uses 8510: remoteio's own 8509 is the native protocol's).
/// </summary>
public sealed class RemoteioTextServer : ICompatProtocolServer
{
    /// <summary>The host.</summary>
    private readonly IRemoteioBackend _backend;

    /// <summary>Request limits.</summary>
    private readonly RemoteioTextOptions _options;

    /// <summary>Where failures go.</summary>
    private readonly ILogger _logger;

    /// <summary>Creates a server over <paramref name="backend"/>.</summary>
    /// <param name="backend">The host.</param>
    /// <param name="options">Request limits; <see cref="RemoteioTextOptions.Default"/> when null.</param>
    /// <param name="logger">Where failures go; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RemoteioTextServer(IRemoteioBackend backend, RemoteioTextOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _options = options ?? RemoteioTextOptions.Default;
        _options.Validate();
        _backend = backend;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string ProtocolName => "remoteio";

    /// <inheritdoc />
    public Task ServeAsync(IDuplexPipe transport, IPEndPoint? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new RemoteioConnection(_backend, _options, _logger, client).RunAsync(transport, cancellationToken);
    }
}
