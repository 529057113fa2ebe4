using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Links;

/// <summary>Clients that vanish without a goodbye: the host notices, soft-closes, runs what it accepted and leaves the pins safe.</summary>
public sealed class LinkFailureTests
{
    private static readonly int[] IdlePins = [22, 23, 24];

    [Fact]
    public async Task ClientResetsItsSocket_After20AcceptedTimedCommandsHolding3IdlePins_All20RunAndPinsEndSafe()
    {
        await using var host = await TestHost.StartAsync();
        await using var proxy = new TcpProxy(host.Tcp);
        await using var watcher = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("watcher"));
        await using var observer = await watcher.ObserveAsync(17);
        var edges = CollectEdgesAsync(observer, 20);
        var client = await RemoteServer.ConnectAsync("127.0.0.1", proxy.Port, RemoteServerOptions.Default.WithClientName("doomed"));
        var busy = await client.PinAsync(17);
        foreach (var gpio in IdlePins)
        {
            await client.PinAsync(gpio);
        }

        var commands = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? busy.On(TimeSpan.FromMilliseconds(20)) : busy.Off(TimeSpan.FromMilliseconds(20))).ToList();
        await Task.WhenAll(commands.Select(c => c.Accepted));
        proxy.ResetAll();

        var seen = await edges;
        Assert.True(seen.Count == 20, $"observed {seen.Count} edges: {string.Join(" ", seen.Select(e => $"{e.Sequence}:{(e.Level ? 1 : 0)}"))}; the host's log: {string.Join(" ", host.Chip.Transitions(17).Select(t => (t.Level == PinValue.High ? 1 : 0).ToString(System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 2 == 0), seen.Select(e => e.Level));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => observer.Sequence - 19 + (ulong)i), seen.Select(e => e.Sequence));
        await AllReleasedAsync(watcher, [17, .. IdlePins]);
        Assert.All(new[] { 17, 22, 23, 24 }, gpio => Assert.Equal(PinValue.Low, host.Chip.GetLevel(gpio)));
        await Assert.ThrowsAsync<ConnectionLostException>(() => busy.On().Accepted.WaitAsync(TimeSpan.FromSeconds(10)));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task ClientLinkGoesSilent_HostDetectsWithinTheHeartbeatDeadline_RunsTheAcceptedBlinkAndFreesThePin()
    {
        await using var host = await TestHost.StartAsync("remoteio.remote.heartbeat-interval = 500ms", "remoteio.remote.acceptable-heartbeat-pause = 2s");
        await using var proxy = new TcpProxy(host.Tcp);
        await using var watcher = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("watcher"));
        var client = await RemoteServer.ConnectAsync("127.0.0.1", proxy.Port, RemoteServerOptions.Default.WithClientName("silent"));
        var pin = await client.PinAsync(17);
        await pin.Blink(TimeSpan.FromMilliseconds(4000), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)).Accepted;

        var frozenAt = Environment.TickCount64;
        proxy.Freeze();
        var terminated = await host.Logs.WaitForAsync(e => e.Message.Contains("terminated", StringComparison.Ordinal) && e.Message.Contains("heartbeat", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(10));
        var detectedAfterMs = Environment.TickCount64 - frozenAt;

        Assert.InRange(detectedAfterMs, 2000, 6000); // deadline: 500 ms interval + 2 s pause (a loaded 2-core machine needs slack)
        await AllReleasedAsync(watcher, [17], TimeSpan.FromSeconds(20));
        AssertBlinkRanToItsEnd(host, 17, TimeSpan.FromMilliseconds(4000), ClockTime.NowNanoseconds(TimeProvider.System));
        Assert.Contains("association with client", terminated.Message, StringComparison.Ordinal);
        await client.DetachAsync();
    }

    [Fact]
    public async Task ClientProcessKilledMidStream_HostSoftClosesAndTheAcceptedBlinkRunsToTheEnd()
    {
        await using var host = await TestHost.StartAsync();
        await using var watcher = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("watcher"));
        using var cli = ChildProcess.Start("remoteio", "--server", $"127.0.0.1:{host.Tcp.Port}", "--name", "victim", "pin", "17", "blink", "--for", "1s", "--on-time", "50ms", "--off-time", "50ms");
        await cli.WaitForLineAsync("accepted");

        cli.Signal("KILL");

        Assert.NotEqual(0, await cli.WaitForExitAsync());
        await AllReleasedAsync(watcher, [17]);
        AssertBlinkRanToItsEnd(host, 17, TimeSpan.FromMilliseconds(1000), ClockTime.NowNanoseconds(TimeProvider.System));
    }

    private static async Task<List<PinEvent>> CollectEdgesAsync(PinObserver observer, int count)
    {
        var edges = new List<PinEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await foreach (var e in observer.EventsAsync(timeout.Token))
            {
                if (e.Kind == PinEventKind.Edge)
                {
                    edges.Add(e);
                    if (edges.Count == count)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // fewer edges than expected: the caller's assertion shows which arrived
        }

        return edges;
    }

    /// <summary>
    /// The blink ran its whole duration: the pin was released (<paramref name="releasedBy"/> is a
    /// clock reading taken after the release was seen) no earlier than the blink's first rise plus its
    /// duration (less 100 ms for the rise's own write), its edges end within the duration and the pin
    /// ends low. A blink cut when its session ended would be released at once, seconds (silent link)
    /// or most of a second (killed client) before its end. On the real clock a late timing thread skips toggles rather
    /// than replaying them, so neither the count of edges nor the time of the last one is exact (the
    /// last fall once came 150 ms before the end: the final toggles skipped on a loaded machine);
    /// virtual-time tests check exact timelines.
    /// </summary>
    private static void AssertBlinkRanToItsEnd(TestHost host, int gpio, TimeSpan duration, long releasedBy)
    {
        var log = host.Chip.Transitions(gpio).SkipWhile(t => t.Level == PinValue.Low).ToList();
        Assert.True(log.Count >= 4, $"the blink produced only {log.Count} edges");
        Assert.Equal(PinValue.Low, log[^1].Level);
        var end = log[0].TimestampNanoseconds + (long)(duration.TotalMilliseconds * 1_000_000);
        Assert.True(releasedBy >= end - 100_000_000, $"released {(end - releasedBy) / 1e6:0.###} ms before the blink's end");
        Assert.InRange(log[^1].TimestampNanoseconds, log[0].TimestampNanoseconds, end + 500_000_000);
        Assert.Equal(PinValue.Low, host.Chip.GetLevel(gpio));
    }

    private static Task AllReleasedAsync(RemoteServer watcher, int[] gpios, TimeSpan? timeout = null) => Eventually.HoldsAsync(
        async () => (await watcher.GetPinStatesAsync()).Pins.Where(p => gpios.Contains((int)p.Gpio)).All(p => p.Owner.Length == 0 && !p.Draining),
        $"GPIO {string.Join(", ", gpios)} are released",
        timeout);
}
