using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Host;

/// <summary>
/// Where a started host accepts clients: its remote address and the endpoints actually bound
/// (the real TCP port when port 0 was asked for). Filled in once the listeners are up;
/// <see cref="Ready"/> completes then.
/// </summary>
public sealed class HostEndpoints
{
    /// <summary>Completed with the endpoints once listening.</summary>
    private readonly TaskCompletionSource<IReadOnlyList<EndPoint>> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The host actor system's address, e.g. <c>remoteio://remoteio@127.0.0.1:8509</c>; empty until listening.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The bound endpoints (empty until listening).</summary>
    public IReadOnlyList<EndPoint> EndPoints { get; private set; } = [];

    /// <summary>The TCP endpoint, when TCP is enabled.</summary>
    public IPEndPoint? Tcp => EndPoints.OfType<IPEndPoint>().FirstOrDefault();

    /// <summary>The Unix socket file, when enabled.</summary>
    public string? UnixSocketPath => EndPoints.OfType<UnixDomainSocketEndPoint>().Select(e => e.ToString()).FirstOrDefault();

    /// <summary>Completes with the endpoints once the host accepts connections.</summary>
    public Task<IReadOnlyList<EndPoint>> Ready => _ready.Task;

    /// <summary>Records the bound endpoints.</summary>
    /// <param name="address">The host's address.</param>
    /// <param name="endPoints">The endpoints.</param>
    internal void SetListening(string address, IReadOnlyList<EndPoint> endPoints)
    {
        Address = address;
        EndPoints = endPoints;
        _ready.TrySetResult(endPoints);
    }
}
