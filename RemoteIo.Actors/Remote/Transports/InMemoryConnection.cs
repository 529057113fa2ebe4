using System.IO.Pipelines;
using System.Net;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>One end of an <see cref="InMemoryLink"/>.</summary>
/// <param name="link">The link.</param>
/// <param name="input">Bytes from the other end.</param>
/// <param name="output">Bytes to the other end.</param>
/// <param name="remote">The other end's name.</param>
/// <param name="description">What logs call this end.</param>
internal sealed class InMemoryConnection(InMemoryLink link, PipeReader input, PipeWriter output, EndPoint remote, string description)
    : TransportConnection
{
    /// <summary>1 once disposed.</summary>
    private int _disposed;

    /// <inheritdoc />
    public override PipeReader Input => input;

    /// <inheritdoc />
    public override PipeWriter Output => output;

    /// <inheritdoc />
    public override EndPoint? RemoteEndPoint => remote;

    /// <inheritdoc />
    public override string Description => description;

    /// <inheritdoc />
    public override void Abort() => link.Cut();

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
