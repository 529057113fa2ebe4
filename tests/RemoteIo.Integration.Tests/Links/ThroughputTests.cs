using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Links;

/// <summary>The seeds' reliability bar: 10,000 commands over one link arrive in order with none lost, and over 16 links at once.</summary>
public sealed class ThroughputTests
{
    private const int Commands = 10_000;

    /// <summary>
    /// The silence each side of these links tolerates. The host, sixteen clients and their 160,000
    /// commands share this one process; on a loaded 2-core machine it got no CPU for 3 s at a time
    /// (every link's reads and heartbeat ticks stalled together, no GC pause), so the default 4 s
    /// deadline declared live links dead (2 of 3 loaded runs). Detecting dead links is
    /// LinkFailureTests' subject; here the links only have to carry everything, in order.
    /// </summary>
    private static readonly TimeSpan HeartbeatPause = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TenThousandCommands_OneLink_AllRunInOrder()
    {
        await using var host = await StartHostAsync();
        await using var server = await ConnectAsync(host);
        var pin = await server.PinAsync(17);

        await DriveAsync(host, pin);
    }

    [Fact]
    public async Task TenThousandCommands_SixteenLinksAtOnce_AllRunInOrderOnEveryLink()
    {
        await using var host = await StartHostAsync();
        var gpios = Enumerable.Range(4, 16).ToArray();
        var servers = await Task.WhenAll(gpios.Select(_ => ConnectAsync(host)));
        try
        {
            var pins = await Task.WhenAll(gpios.Select((gpio, i) => servers[i].PinAsync(gpio)));
            await Task.WhenAll(pins.Select(pin => Task.Run(() => DriveAsync(host, pin))));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static Task<TestHost> StartHostAsync() =>
        TestHost.StartAsync($"remoteio.remote.acceptable-heartbeat-pause = {HeartbeatPause.TotalSeconds}s");

    private static Task<RemoteServer> ConnectAsync(TestHost host) =>
        host.ConnectAsync(RemoteServerOptions.Default
            .WithRequestTimeout(TimeSpan.FromSeconds(10))
            .WithRemote(RemoteSettings.Default.WithHeartbeat(RemoteSettings.Default.HeartbeatInterval, HeartbeatPause)));

    /// <summary>
    /// Sends 10,000 untimed on/off commands to one pin without waiting, then checks every outcome
    /// (each completed, started in command order) and the transition log (10,000 alternating levels).
    /// </summary>
    private static async Task DriveAsync(TestHost host, RemotePin pin)
    {
        var before = host.Chip.Transitions(pin.Gpio).Count;
        var handles = new CommandHandle[Commands];
        for (var i = 0; i < Commands; i++)
        {
            handles[i] = i % 2 == 0 ? pin.On() : pin.Off();
        }

        var results = await Task.WhenAll(handles.Select(h => h.Completion)).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(results, r => Assert.Equal(CommandEnd.Completed, r.End));
        for (var i = 1; i < Commands; i++)
        {
            Assert.True(results[i].StartedAtNanoseconds >= results[i - 1].StartedAtNanoseconds, $"command {i} started before command {i - 1}");
        }

        var log = host.Chip.Transitions(pin.Gpio).Skip(before).ToList();
        Assert.Equal(Commands, log.Count);
        Assert.Equal(Enumerable.Range(0, Commands).Select(i => i % 2 == 0 ? PinValue.High : PinValue.Low), log.Select(t => t.Level));
    }
}
