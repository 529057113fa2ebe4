using RemoteIo.Actors.Gpio;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>Stopping the host (SIGTERM's path): stop accepting, drain or cut per config, safe states, transition log, exit.</summary>
public sealed class HostShutdownTests
{
    [Fact]
    public async Task StopAsync_WhileAPinIsHigh_CutsAfterTheDrainTimeout_PinEndsSafe_LogWritten_ClientTold()
    {
        await using var host = await TestHost.StartAsync("remoteio.pins.drain-timeout = 300ms");
        var server = await host.ConnectAsync();
        var pin = await server.PinAsync(17);
        var impulse = pin.On(TimeSpan.FromSeconds(30));
        await impulse.Accepted;
        Assert.Equal(PinValue.High, host.Chip.GetLevel(17));

        await host.Host.StopAsync();

        Assert.Equal(PinValue.Low, host.Chip.GetLevel(17));
        string told;
        try
        {
            told = (await impulse.Completion.WaitAsync(TimeSpan.FromSeconds(10))).End.ToString();
        }
        catch (ConnectionLostException)
        {
            told = "connection lost";
        }

        Assert.Contains(told, new[] { "Interrupted", "connection lost" });
        var log = await File.ReadAllLinesAsync(host.TransitionLogPath);
        Assert.Equal("timestamp_ns,line,level", log[0]);
        Assert.Equal(["17,1", "17,0"], log.Skip(1).Where(r => r.Contains(",17,", StringComparison.Ordinal)).TakeLast(2).Select(r => r[(r.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync());
        await server.DisposeAsync();
    }

    [Fact]
    public async Task StopAsync_WithQueuedShortWork_DrainsIt_BeforeTheSafeState()
    {
        await using var host = await TestHost.StartAsync("remoteio.pins.drain-timeout = 5s");
        var server = await host.ConnectAsync();
        var pin = await server.PinAsync(17);
        var first = pin.On(TimeSpan.FromMilliseconds(200));
        var second = pin.Blink(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        await second.Accepted;

        await host.Host.StopAsync();

        Assert.Equal(CommandEnd.Completed, (await first.Completion).End);
        Assert.Equal(CommandEnd.Completed, (await second.Completion).End);
        Assert.Equal(PinValue.Low, host.Chip.GetLevel(17));
        await server.DisposeAsync();
    }
}
