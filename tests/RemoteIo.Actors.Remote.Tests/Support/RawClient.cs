using System.Net;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Handshake;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>A client that completes a real handshake and then writes whatever a test wants (well-formed or not).</summary>
internal static class RawClient
{
    /// <summary>Connects and associates; returns the bare connection.</summary>
    public static async Task<TransportConnection> ConnectAsync(RemoteTransport transport, EndPoint endPoint, string clientId = "raw", SharedSecret? secret = null, ulong incarnation = 42)
    {
        var connection = await transport.ConnectAsync(endPoint);
        var options = new ClientHandshakeOptions("remoteio://raw@raw:0", clientId, incarnation, secret, ProtocolVersionRange.Current);
        await ClientHandshake.ConnectAsync(connection, options, default).WaitAsync(PipeTestExtensions.Guard);
        return connection;
    }

    /// <summary>Reads frames until a Disassociate arrives (heartbeats are skipped); null when the connection ends first.</summary>
    public static async Task<Disassociate?> ReadDisassociateAsync(TransportConnection connection)
    {
        while (true)
        {
            Frame? frame;
            try
            {
                frame = await FrameIO.ReadFrameAsync(connection.Input, 1 << 20, default).AsTask().WaitAsync(PipeTestExtensions.Guard);
            }
            catch (TransportException)
            {
                return null;
            }

            if (frame is null)
            {
                return null;
            }

            if (frame.KindCase == Frame.KindOneofCase.Disassociate)
            {
                return frame.Disassociate;
            }
        }
    }
}
