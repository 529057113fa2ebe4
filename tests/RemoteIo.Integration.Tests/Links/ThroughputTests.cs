using RemoteIo.Actors.Gpio;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Links;

/// <summary>The seeds' reliability bar: 10,000 commands over one link arrive in order with none lost, and over 16 links at once.</summary>
public sealed class ThroughputTests
{
    private const int Commands = 10_000;

    [Fact]
    public async Task TenThousandCommands_OneLink_AllRunInOrder()
    {
        await using var host = await TestHost.StartAsync();
        await using var server = await host.ConnectAsync();

        await DriveAsync(host, server, 17);
    }

    [Fact]
    public async Task TenThousandCommands_SixteenLinksAtOnce_AllRunInOrderOnEveryLink()
    {
        await using var host = await TestHost.StartAsync();
        var gpios = Enumerable.Range(4, 16).ToArray();
        var servers = await Task.WhenAll(gpios.Select(_ => host.ConnectAsync()));
        try
        {
            await Task.WhenAll(gpios.Select((gpio, i) => Task.Run(() => DriveAsync(host, servers[i], gpio))));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Sends 10,000 untimed on/off commands to one pin without waiting, then checks every outcome
    /// (each completed, started in command order) and the transition log (10,000 alternating levels).
    /// </summary>
    private static async Task DriveAsync(TestHost host, RemoteServer server, int gpio)
    {
        var pin = await server.PinAsync(gpio);
        var before = host.Chip.Transitions(gpio).Count;
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

        var log = host.Chip.Transitions(gpio).Skip(before).ToList();
        Assert.Equal(Commands, log.Count);
        Assert.Equal(Enumerable.Range(0, Commands).Select(i => i % 2 == 0 ? PinValue.High : PinValue.Low), log.Select(t => t.Level));
    }
}
