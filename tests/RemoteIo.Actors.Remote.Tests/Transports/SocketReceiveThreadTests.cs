using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>
/// Socket connections that read on a thread of their own (<see cref="TransportOptions.ReceiveThreads"/>):
/// their sockets must stay in blocking mode, the budget bounds the threads, and a blocking send to
/// a peer that takes nothing ends after the stall timeout instead of holding its thread.
/// </summary>
public sealed class SocketReceiveThreadTests : IAsyncLifetime, IDisposable
{
    /// <summary>Linux's O_NONBLOCK (octal 04000) in /proc/self/fdinfo's flags.</summary>
    private const int NonBlockingFlag = 0x800;

    /// <summary>Listeners and connections opened by a test, closed after it.</summary>
    private readonly OpenTransports _open = new();

    /// <summary>A private directory for Unix socket files.</summary>
    private readonly string _directory = Directory.CreateTempSubdirectory("remoteio-recv-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _open.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("tcp")]
    [InlineData("unix")]
    public async Task Connections_Default_BothEndsReadOnTheirOwnThreadWithBlockingSockets(string kind)
    {
        var (client, server) = await ConnectPairAsync(kind, TransportOptions.Default);

        // Traffic both ways first: an asynchronous operation anywhere would have made a socket non-blocking by now.
        await client.Output.WriteAndFlushAsync([1, 2]);
        Assert.Equal(new byte[] { 1, 2 }, await server.Input.ReadExactlyAsync(2));
        await server.Output.WriteAndFlushAsync([3]);
        Assert.Equal(new byte[] { 3 }, await client.Input.ReadExactlyAsync(1));

        Assert.True(client.HasReceiveThread, "the connecting end should read on its own thread");
        Assert.True(server.HasReceiveThread, "the accepting end should read on its own thread");
        Assert.False(IsNonBlocking(client.Socket), "the connecting end's socket must stay blocking, or its receive thread would not wait in recv");
        Assert.False(IsNonBlocking(server.Socket), "the accepting end's socket must stay blocking, or its receive thread would not wait in recv");
    }

    [Fact]
    public async Task ReceiveThreads_BudgetSpent_FurtherConnectionsUseTheSocketEngine()
    {
        var (client, server) = await ConnectPairAsync("tcp", TransportOptions.Default.WithReceiveThreads(1));

        await server.Output.WriteAndFlushAsync([4]);
        Assert.Equal(new byte[] { 4 }, await client.Input.ReadExactlyAsync(1));
        await client.Output.WriteAndFlushAsync([5]);
        Assert.Equal(new byte[] { 5 }, await server.Input.ReadExactlyAsync(1));

        Assert.True(client.HasReceiveThread, "the first connection takes the only thread");
        Assert.False(server.HasReceiveThread, "with the budget spent the accepted end must use the socket engine");
        Assert.True(IsNonBlocking(server.Socket), "a socket-engine connection's socket is non-blocking");
    }

    [Fact]
    public async Task ReceiveThreads_ConnectionClosed_ItsThreadServesTheNextConnection()
    {
        var transport = RemoteTransport.Tcp(TransportOptions.Default.WithReceiveThreads(1));
        var listener = await ListenAsync(transport, TcpTransportContractTests.FreeLoopbackEndPoint());
        var (first, firstServer) = await ConnectAsync(transport, listener);
        Assert.True(first.HasReceiveThread);

        await Task.WhenAll(first.DisposeAsync().AsTask(), firstServer.DisposeAsync().AsTask()).WaitAsync(PipeTestExtensions.Guard);
        var (second, _) = await ConnectAsync(transport, listener);

        Assert.True(second.HasReceiveThread, "a closed connection must give its receive thread back");
    }

    [Theory]
    [InlineData(64)]
    [InlineData(0)]
    public async Task SendStall_PeerTakesNoData_WritesFailWithTheStallNamed(int receiveThreads)
    {
        // With receive threads the send is a blocking call bounded by SO_SNDTIMEO; without, an
        // asynchronous send through the socket engine bounded by a timer that closes the socket.
        var options = TransportOptions.Default
            .WithReceiveThreads(receiveThreads)
            .WithSendStallTimeout(TimeSpan.FromMilliseconds(200))
            .WithReceiveBufferLimit(64 * 1024)
            .WithSendBufferLimit(64 * 1024);
        var (client, _) = await ConnectPairAsync("tcp", options);

        // The server never reads: its pipe, both kernel buffers, then the client's pipe fill up. A
        // flush runs the blocking send on the flushing thread (inline pipe), hence the task of its own.
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                var flush = await client.Output.WriteAsync(new byte[64 * 1024]);
                Assert.False(flush.IsCompleted, "the connection must report why it stopped taking data");
            }
        });
        var error = await Assert.ThrowsAsync<TransportException>(() => writing.WaitAsync(PipeTestExtensions.Guard));

        Assert.Contains("took no data", error.Message, StringComparison.Ordinal);
    }

    /// <summary>True when the socket's descriptor has O_NONBLOCK set (read from /proc/self/fdinfo).</summary>
    private static bool IsNonBlocking(Socket socket)
    {
        var descriptor = socket.SafeHandle.DangerousGetHandle();
        var flags = File.ReadLines($"/proc/self/fdinfo/{descriptor}").Single(line => line.StartsWith("flags:", StringComparison.Ordinal));
        return (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & NonBlockingFlag) != 0;
    }

    /// <summary>Listens with a fresh transport of <paramref name="kind"/> and connects once.</summary>
    private async Task<(SocketConnection Client, SocketConnection Server)> ConnectPairAsync(string kind, TransportOptions options)
    {
        var (transport, endPoint) = kind == "tcp"
            ? (RemoteTransport.Tcp(options), (EndPoint)TcpTransportContractTests.FreeLoopbackEndPoint())
            : (RemoteTransport.UnixSocket(options), new UnixDomainSocketEndPoint(Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"s{_open.ListenerCount}.sock"))));
        return await ConnectAsync(transport, await ListenAsync(transport, endPoint));
    }

    /// <summary>Listens (disposed after the test).</summary>
    private async Task<TransportListener> ListenAsync(RemoteTransport transport, EndPoint endPoint)
    {
        return _open.Add(await transport.ListenAsync(endPoint));
    }

    /// <summary>Connects to <paramref name="listener"/> and returns both ends (aborted after the test).</summary>
    private async Task<(SocketConnection Client, SocketConnection Server)> ConnectAsync(RemoteTransport transport, TransportListener listener)
    {
        var accepting = listener.AcceptAsync().AsTask();
        var client = _open.Add(await transport.ConnectAsync(listener.LocalEndPoint));
        var server = _open.Add((await accepting.WaitAsync(PipeTestExtensions.Guard))!);
        return ((SocketConnection)client, (SocketConnection)server);
    }
}
