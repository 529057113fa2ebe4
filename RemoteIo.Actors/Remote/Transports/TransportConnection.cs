using System.IO.Pipelines;
using System.Net;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// One open byte-stream connection, read and written through System.IO.Pipelines. The link layer
/// owns it: it reads frames from <see cref="Input"/> and writes frames to <see cref="Output"/>.
/// </summary>
public abstract class TransportConnection : IAsyncDisposable
{
    /// <summary>Only this assembly's transports create connections.</summary>
    private protected TransportConnection()
    {
    }

    /// <summary>
    /// Bytes from the peer. A read returns <c>IsCompleted</c> after the peer closed its output; it
    /// throws a <see cref="TransportException"/> when the connection was reset or cut.
    /// </summary>
    public abstract PipeReader Input { get; }

    /// <summary>Bytes to the peer; a flush hands them to the transport, completing it closes the sending direction.</summary>
    public abstract PipeWriter Output { get; }

    /// <summary>The peer's endpoint (for a Unix socket client usually unnamed).</summary>
    public abstract EndPoint? RemoteEndPoint { get; }

    /// <summary>A short description for logs, e.g. <c>tcp 127.0.0.1:50312</c>.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Resets the connection at once: unsent data is discarded, the peer sees a reset (TCP: RST,
    /// linger 0), and both pipes complete. Safe to call more than once and concurrently with I/O.
    /// </summary>
    public abstract void Abort();

    /// <summary>Closes gracefully: sends what was flushed, then closes; safe to call more than once.</summary>
    /// <returns>A task that completes once the connection is closed.</returns>
    public abstract ValueTask DisposeAsync();
}
