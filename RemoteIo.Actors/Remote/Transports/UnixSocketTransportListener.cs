using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>A listening Unix domain socket; its file is removed when the listener is disposed.</summary>
internal sealed class UnixSocketTransportListener : SocketTransportListener
{
    /// <summary>The socket file.</summary>
    private readonly string _path;

    /// <summary>Wraps a bound, listening socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="path">Its file.</param>
    /// <param name="options">Buffer limits and the mode the file was given.</param>
    /// <param name="receiveThreads">Receive threads of the transport's connections.</param>
    public UnixSocketTransportListener(Socket socket, string path, TransportOptions options, ReceiveThreadBudget receiveThreads)
        : base(socket, options, receiveThreads)
    {
        _path = path;
        LocalEndPoint = new UnixDomainSocketEndPoint(path);
        var mode = options.UnixSocketFileMode;
        var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
        Exposure = (mode & UnixFileMode.OtherWrite) == 0 ? ListenerExposure.RestrictedUnixSocket : ListenerExposure.OpenUnixSocket;
        ExposureDescription = Exposure == ListenerExposure.RestrictedUnixSocket
            ? string.Create(CultureInfo.InvariantCulture, $"unix socket {path}, mode {octal}: other users cannot connect")
            : string.Create(CultureInfo.InvariantCulture, $"unix socket {path}, mode {octal}: any local user can connect");
    }

    /// <inheritdoc />
    public override EndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public override ListenerExposure Exposure { get; }

    /// <inheritdoc />
    public override string ExposureDescription { get; }

    /// <inheritdoc />
    protected override string Describe(Socket accepted) => $"unix {_path}";

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // already gone or replaced: nothing of ours to remove
        }
        catch (UnauthorizedAccessException)
        {
            // the directory no longer lets us remove it; the next bind treats it as stale
        }
    }
}
