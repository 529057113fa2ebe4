using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Integration.Tests.Support;

/// <summary>
/// A loopback TCP proxy between a client and a host, for link faults the client itself would
/// never cause: <see cref="Freeze"/> stops forwarding without closing anything (the host hears
/// nothing: its heartbeat deadline must notice), <see cref="ResetAll"/> resets the host side with
/// linger 0 (an RST, no goodbye).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly List<(Socket Client, Socket Upstream)> _pairs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _thaw = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _frozen;
    private readonly Task _accepting;

    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stops forwarding in both directions; connections stay open.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Resets every connection to the host (RST, linger 0) and closes the client side.</summary>
    public void ResetAll()
    {
        lock (_pairs)
        {
            foreach (var (client, upstream) in _pairs)
            {
                upstream.LingerState = new LingerOption(true, 0);
                upstream.Close();
                client.LingerState = new LingerOption(true, 0);
                client.Close();
            }

            _pairs.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        ResetAll();
        _thaw.TrySetResult();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await upstream.ConnectAsync(_target, _stop.Token);
            client.NoDelay = true;
            lock (_pairs)
            {
                _pairs.Add((client, upstream));
            }

            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (_frozen)
                {
                    await _thaw.Task; // swallow silently: the peer hears nothing from now on
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the other pump or a fault closed the pair
        }
    }
}
