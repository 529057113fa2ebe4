using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RemoteIo.Actors.Compat;

/// <summary>
/// A TCP endpoint for a compatibility protocol (pigpio, remoteio text): admits clients by address
/// and count, turns each socket into a pipe pair and runs the protocol engine on it until either
/// side ends, and on stop cancels every connection and waits until their sessions are closed.
/// </summary>
public sealed class CompatListener : IAsyncDisposable
{
    /// <summary>Where to listen and whom to admit.</summary>
    private readonly CompatEndpointOptions _options;

    /// <summary>The protocol's name, for logs.</summary>
    private readonly string _protocol;

    /// <summary>Serves each admitted connection.</summary>
    private readonly ICompatProtocolServer _server;

    /// <summary>Where accept and connection failures go.</summary>
    private readonly ILogger _logger;

    /// <summary>Cancelled on stop: ends the accept loop and every connection.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Connections being served, so stop can wait for their sessions to close.</summary>
    private readonly ConcurrentDictionary<long, Task> _connections = new();

    /// <summary>The listening socket once started.</summary>
    private Socket? _socket;

    /// <summary>The accept loop once started.</summary>
    private Task? _acceptLoop;

    /// <summary>Source of connection ids.</summary>
    private long _nextId;

    /// <summary>1 once stop has begun, so stopping twice is harmless.</summary>
    private int _stopped;

    /// <summary>Creates a listener; nothing listens until <see cref="Start"/>.</summary>
    /// <param name="server">The protocol engine that serves each connection.</param>
    /// <param name="options">Where to listen and whom to admit.</param>
    /// <param name="logger">Where accept and connection failures go; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="CompatEndpointOptions.Validate"/>).</exception>
    public CompatListener(ICompatProtocolServer server, CompatEndpointOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(server.ProtocolName);
        _server = server;
        _options = options;
        _protocol = server.ProtocolName;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The bound address and port once started.</summary>
    public IPEndPoint? LocalEndPoint => _socket?.LocalEndPoint as IPEndPoint;

    /// <summary>How many connections are being served now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Binds, listens and starts accepting.</summary>
    /// <returns>The bound endpoint (with the real port when 0 was asked for).</returns>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public IPEndPoint Start()
    {
        if (_socket is not null || Volatile.Read(ref _stopped) == 1)
        {
            throw new InvalidOperationException($"The {_protocol} listener was already started.");
        }

        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
            socket.Listen(backlog: 32);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(socket));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        _logger.Listening(_protocol, local);
        return local;
    }

    /// <summary>Stops accepting, cancels every connection and waits until their sessions are closed.</summary>
    public async ValueTask StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _socket?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_connections.Values);
        _stopping.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync();

    /// <summary>Accepts until stopped; a failed accept is logged and the loop goes on.</summary>
    private async Task AcceptLoopAsync(Socket listener)
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                _logger.AcceptFailed(ex, _protocol);
                continue;
            }

            Admit(client);
        }
    }

    /// <summary>Serves <paramref name="client"/> if its address and the connection limit allow it, else closes it.</summary>
    private void Admit(Socket client)
    {
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        if (!_options.Admits(remote.Address))
        {
            _logger.RefusedAddress(_protocol, remote);
            client.Dispose();
            return;
        }

        if (_connections.Count >= _options.MaxConnections)
        {
            _logger.RefusedTooMany(_protocol, remote, _options.MaxConnections);
            client.Dispose();
            return;
        }

        // The placeholder is registered before the connection can finish, so a connection that
        // ends at once removes its own entry instead of leaving a stale one behind.
        var id = Interlocked.Increment(ref _nextId);
        _connections[id] = Task.CompletedTask;
        _connections.TryUpdate(id, ServeAsync(id, client, remote), Task.CompletedTask);
    }

    /// <summary>Runs the protocol engine over the socket, then releases everything.</summary>
    private async Task ServeAsync(long id, Socket client, IPEndPoint remote)
    {
        await Task.Yield();
        try
        {
            client.NoDelay = true;
            var transport = new SocketPipe(client);
            var moving = transport.RunAsync();
            _logger.Connected(_protocol, remote);
            try
            {
                await _server.ServeAsync(transport, remote, _stopping.Token);
            }
            finally
            {
                // Completing the engine's side sends what is left, then closes the socket.
                await transport.Input.CompleteAsync();
                await transport.Output.CompleteAsync();
                await moving;
            }
        }
        catch (Exception ex)
        {
            _logger.ConnectionFailed(ex, _protocol, remote);
        }
        finally
        {
            _connections.TryRemove(id, out _);
            _logger.Disconnected(_protocol, remote);
        }
    }
}
