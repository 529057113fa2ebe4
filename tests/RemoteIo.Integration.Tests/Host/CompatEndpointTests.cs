using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RemoteIo.Actors.Compat.Hosting;
using RemoteIo.Actors.Gpio;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>The host enables the compatibility endpoints from remoteio.compat; a pigpio client drives a pin through the host's pin domain.</summary>
public sealed class CompatEndpointTests
{
    [Fact]
    public async Task PigpioEndpoint_EnabledInConfig_WriteDrivesThePinAndRemoteioStatesShowsTheSession()
    {
        await using var host = await TestHost.StartAsync("remoteio.compat.pigpio { enabled = on, port = 0 }");
        var endpoint = host.Host.Services.GetRequiredService<CompatEndpointsService>().Endpoints!.PigpioEndPoint!;
        using var pigpio = new TcpClient();
        await pigpio.ConnectAsync(endpoint);
        var stream = pigpio.GetStream();

        var setOutput = await CommandAsync(stream, 0, 17, 1);   // MODES 17 OUTPUT
        var write = await CommandAsync(stream, 4, 17, 1);       // WRITE 17 1

        Assert.Equal((0, 0), (setOutput, write));
        await using var client = await host.ConnectAsync();
        var states = await client.GetPinStatesAsync();
        Assert.Contains(states.Pins, p => p.Gpio == 17 && p.Owner.Length > 0 && p.Level);
        Assert.Equal(PinValue.High, host.Chip.GetLevel(17));
    }

    /// <summary>One pigpio request (cmd, p1, p2, p3=0, little-endian) and its result.</summary>
    private static async Task<int> CommandAsync(NetworkStream stream, uint command, uint p1, uint p2)
    {
        var request = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(request, command);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(4), p1);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), p2);
        await stream.WriteAsync(request);
        var reply = new byte[16];
        await stream.ReadExactlyAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(12));
    }
}
