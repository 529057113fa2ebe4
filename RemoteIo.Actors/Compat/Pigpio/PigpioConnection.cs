using System.Buffers;
using System.IO.Pipelines;
using System.Net;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// One pigpio client connection: reads requests however the bytes are split or coalesced, runs them
/// in order, answers each with one reply, turns itself into a report stream on NOIB, and when the
/// client leaves closes its notification handles and its session (releasing its pins safely).
/// </summary>
internal sealed class PigpioConnection
{
    /// <summary>The shared endpoint.</summary>
    private readonly PigpioEndpoint _endpoint;

    /// <summary>The client, for logs.</summary>
    private readonly IPEndPoint? _client;

    /// <summary>Creates the connection of <paramref name="client"/>.</summary>
    public PigpioConnection(PigpioEndpoint endpoint, IPEndPoint? client)
    {
        _endpoint = endpoint;
        _client = client;
    }

    /// <summary>Serves the connection until the client leaves, the transport fails or <paramref name="cancellationToken"/> fires. Never throws.</summary>
    public async Task RunAsync(IDuplexPipe transport, CancellationToken cancellationToken)
    {
        if (CompatConnection.TryOpen(() => _endpoint.Backend.OpenSession(_client), "pigpio", _endpoint.Logger, _client) is not { } session)
        {
            return;
        }

        using var output = new PigpioOutput(transport.Output);
        var scope = new PigpioSessionScope(session, _endpoint.Gpios);
        await CompatConnection.RunAsync(
            "pigpio",
            _endpoint.Logger,
            _client,
            () => ServeAsync(transport.Input, output, new PigpioDispatcher(_endpoint, scope), cancellationToken),
            async () =>
            {
                var pumps = _endpoint.Notifier.CloseAll(output);
                output.Close();
                await pumps;
                await scope.CloseAsync(CancellationToken.None);
            },
            cancellationToken);
    }

    /// <summary>The request loop.</summary>
    private async Task ServeAsync(PipeReader input, PigpioOutput output, PigpioDispatcher dispatcher, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            try
            {
                while (TryTakeRequest(ref buffer, out var request))
                {
                    if (request.P3 > PigpioWire.MaxExtension)
                    {
                        // pigpiod cannot resynchronise after an extension it cannot hold: it drops the client.
                        _endpoint.Logger.PigpioExtensionTooLarge(_client, request.P3, PigpioWire.MaxExtension);
                        return;
                    }

                    if (request.Name == PigpioCommand.NOIB)
                    {
                        await OpenNotificationsAsync(request, output, cancellationToken);
                        continue;
                    }

                    var result = await dispatcher.ExecuteAsync(request, cancellationToken);
                    await output.WriteReplyAsync(request, result, cancellationToken);
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>NOIB: opens a handle whose reports go to this connection, answers the handle, then lets the reports flow.</summary>
    private async Task OpenNotificationsAsync(PigpioRequest request, PigpioOutput output, CancellationToken cancellationToken)
    {
        var handle = _endpoint.Notifier.Open(output);
        if (handle >= 0)
        {
            try
            {
                await _endpoint.Notifier.RefreshLevelsAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The handle still works; its level words show what events report from now on.
                _endpoint.Logger.PigpioBackendFailed(ex, request.Name, request.P1, request.P2);
            }
        }

        await output.WriteReplyAsync(request, handle, cancellationToken);
        if (handle >= 0)
        {
            _endpoint.Notifier.StartSending(handle);
        }
    }

    /// <summary>
    /// Takes one whole request (header and extension) off the front of <paramref name="buffer"/>. A
    /// request whose extension is too large is returned at once, without waiting for its bytes.
    /// </summary>
    /// <returns>False when more bytes are needed.</returns>
    internal static bool TryTakeRequest(ref ReadOnlySequence<byte> buffer, out PigpioRequest request)
    {
        request = default;
        if (buffer.Length < PigpioWire.RequestSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[PigpioWire.RequestSize];
        buffer.Slice(0, PigpioWire.RequestSize).CopyTo(header);
        request = PigpioWire.ReadRequest(header);
        if (request.P3 > PigpioWire.MaxExtension)
        {
            buffer = buffer.Slice(PigpioWire.RequestSize);
            return true;
        }

        var total = PigpioWire.RequestSize + (long)request.P3;
        if (buffer.Length < total)
        {
            return false;
        }

        if (request.P3 >= sizeof(uint))
        {
            Span<byte> word = stackalloc byte[sizeof(uint)];
            buffer.Slice(PigpioWire.RequestSize, sizeof(uint)).CopyTo(word);
            request = request with { Extension = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(word) };
        }

        buffer = buffer.Slice(total);
        return true;
    }
}
