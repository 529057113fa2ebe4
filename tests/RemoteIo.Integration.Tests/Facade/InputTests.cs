using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Protocol;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Facade;

/// <summary>Inputs through the facade (issue 6): many observers, one driver; events, waits, reads, drops, watchdog.</summary>
public sealed class InputTests
{
    private const int Output = 17;
    private const int Input = 27;

    [Fact]
    public async Task ThreeClientsObserveAnInputWiredToAFourthsOutput_AllSeeEveryEdgeWithIdenticalStampsAndSequences()
    {
        await using var host = await TestHost.StartAsync();
        host.Chip.Connect(Output, Input);
        await using var a = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("a"));
        await using var b = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("b"));
        await using var c = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("c"));
        await using var driver = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("driver"));
        var input = await a.InputAsync(Input, InputOptions.Default.WithBias(Bias.PullDown));
        var observers = new PinObserver[] { input, await b.ObserveAsync(Input), await c.ObserveAsync(Input) };
        var readers = observers.Select(o => Collect(o, 20)).ToArray();
        var pin = await driver.PinAsync(Output);

        for (var i = 0; i < 10; i++)
        {
            await pin.On(TimeSpan.FromMilliseconds(20)).Completion;
        }

        var seen = await Task.WhenAll(readers);
        Assert.All(seen, s => Assert.Equal(20, s.Count));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 2 == 0), seen[0].Select(e => e.Level));
        Assert.Equal(seen[0].Select(e => (e.TimestampNanoseconds, e.Sequence)), seen[1].Select(e => (e.TimestampNanoseconds, e.Sequence)));
        Assert.Equal(seen[0].Select(e => (e.TimestampNanoseconds, e.Sequence)), seen[2].Select(e => (e.TimestampNanoseconds, e.Sequence)));
        Assert.Equal(seen[0].Select(e => e.Sequence), Enumerable.Range(0, 20).Select(i => seen[0][0].Sequence + (ulong)i));

        var second = await Assert.ThrowsAsync<PinBusyException>(() => b.PinAsync(Input));
        Assert.Contains("GPIO 27", second.Message, StringComparison.Ordinal);
        Assert.False((await b.ReadAsync(Input)).Level);
    }

    [Fact]
    public async Task DefaultObservers_BurstOfEdgesTheHostSendsAtOnce_AllArriveWithoutLoss()
    {
        // A host-side backlog (the pin actor held up by GC or a busy core) leaves as one burst
        // before any acknowledgement can come back; the default queue must absorb what the host's
        // edge buffer holds, or observers that keep up lose edges (the load tool's edges scenario
        // lost them at 10,000 edges/s with a queue of 256).
        const int Burst = 2000;
        Assert.Equal(PinsSettings.Default.EdgeBufferCapacity, ObserveOptions.Default.QueueCapacity);
        await using var host = await TestHost.StartAsync();
        var clients = new List<RemoteServer>();
        var seen = new List<PinEvent>[3];
        try
        {
            for (var i = 0; i < seen.Length; i++)
            {
                clients.Add(await host.ConnectAsync());
                var events = seen[i] = [];
                (await clients[i].ObserveAsync(Input)).Changed += (_, e) =>
                {
                    lock (events)
                    {
                        events.Add(e);
                    }
                };
            }

            for (var i = 0; i < Burst; i++)
            {
                host.Chip.DriveExternal(Input, i % 2 == 0);
            }

            await Eventually.HoldsAsync(
                () => Task.FromResult(seen.All(s => Count(s) >= Burst || Lost(s))),
                () => $"every observer got {Burst} events (have {string.Join(", ", seen.Select(Count))})",
                TimeSpan.FromSeconds(20));
            foreach (var events in seen)
            {
                lock (events)
                {
                    Assert.DoesNotContain(events, e => e.Kind != PinEventKind.Edge);
                    Assert.Equal(Enumerable.Range(0, Burst).Select(i => events[0].Sequence + (ulong)i), events.Select(e => e.Sequence));
                }
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        static int Count(List<PinEvent> events)
        {
            lock (events)
            {
                return events.Count;
            }
        }

        static bool Lost(List<PinEvent> events)
        {
            lock (events)
            {
                return events.Exists(e => e.Kind == PinEventKind.Dropped);
            }
        }
    }

    [Fact]
    public async Task EventsAsync_EdgesBeforeTheFirstRead_TheFirstReaderGetsThem_ALaterReaderOnlyNewOnes()
    {
        await using var host = await TestHost.StartAsync();
        host.Chip.Connect(Output, Input);
        await using var watcher = await host.ConnectAsync();
        await using var driver = await host.ConnectAsync();
        var pin = await driver.PinAsync(Output);
        var observer = await watcher.ObserveAsync(Input);
        var start = observer.Sequence;

        // Both edges reach the client before anyone reads (the CLI's watch lost such edges and hung).
        await pin.On(TimeSpan.FromMilliseconds(5)).Completion;
        await Eventually.HoldsAsync(() => Task.FromResult(observer.Sequence == start + 2), "both edges arrive at the client");
        var first = Collect(observer, 4);
        var later = Collect(observer, 2);
        await pin.On(TimeSpan.FromMilliseconds(5)).Completion;

        Assert.Equal(Enumerable.Range(1, 4).Select(i => start + (ulong)i), (await first).Select(e => e.Sequence));
        Assert.Equal([start + 3, start + 4], (await later).Select(e => e.Sequence));
    }

    [Fact]
    public async Task WaitForEdgeAsync_RisingEdge_ReturnsIt_AndTimesOutClearlyWhenNoneComes()
    {
        await using var host = await TestHost.StartAsync();
        host.Chip.Connect(Output, Input);
        await using var watcher = await host.ConnectAsync();
        await using var driver = await host.ConnectAsync();
        var button = await watcher.InputAsync(Input);
        var pin = await driver.PinAsync(Output);

        var rising = button.WaitForEdgeAsync(Edge.Rising, TimeSpan.FromSeconds(10));
        pin.On(TimeSpan.FromMilliseconds(20));
        var edge = await rising;

        Assert.True(edge.IsRising);
        Assert.Equal(Input, edge.Gpio);
        Assert.True((await button.WaitForEdgeAsync(Edge.Falling, TimeSpan.FromSeconds(10))).IsFalling); // the impulse's end
        var none = await Assert.ThrowsAsync<TimeoutException>(() => button.WaitForEdgeAsync(Edge.Rising, TimeSpan.FromMilliseconds(200)));
        Assert.Contains("no rising edge on GPIO 27", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedEvent_AndAReaderThatStopsReading_LosesTheOldestVisiblyWhileTheEventSeesAll()
    {
        await using var host = await TestHost.StartAsync();
        host.Chip.Connect(Output, Input);
        await using var slow = await host.ConnectAsync(RemoteServerOptions.Default.WithEventsBuffer(4));
        await using var driver = await host.ConnectAsync();
        var observer = await slow.ObserveAsync(Input);
        var changed = new List<PinEvent>();
        observer.Changed += (_, e) =>
        {
            lock (changed)
            {
                changed.Add(e);
            }
        };
        await using var reader = observer.EventsAsync().GetAsyncEnumerator();
        var first = reader.MoveNextAsync();
        var pin = await driver.PinAsync(Output);

        for (var i = 0; i < 10; i++)
        {
            // 20 ms impulses: on the real clock a timing thread that wakes later than a whole
            // impulse skips it (reported to the Pins layer); this test is about event delivery.
            await pin.On(TimeSpan.FromMilliseconds(20)).Completion;
        }

        await Eventually.HoldsAsync(() => Task.FromResult(changed.Count >= 20), () => $"the last edge arrived (have {string.Join(" ", changed.Select(e => $"{e.Kind}:{e.Sequence}:{e.Level}"))}; the chip: {string.Join(" ", host.Chip.Transitions(Input).Select(t => t.Level))}; output: {string.Join(" ", host.Chip.Transitions(Output).Select(t => t.Level))})", TimeSpan.FromSeconds(3));
        Assert.True(await first);
        Assert.Equal(PinEventKind.Edge, reader.Current.Kind);
        Assert.True(await reader.MoveNextAsync());
        var drop = reader.Current;
        Assert.Equal(PinEventKind.Dropped, drop.Kind);
        Assert.Equal(15ul, drop.Dropped);
        var rest = new List<PinEvent>();
        for (var i = 0; i < 4 && await reader.MoveNextAsync(); i++)
        {
            rest.Add(reader.Current);
        }

        Assert.Equal(changed.Skip(16).Select(e => e.Sequence), rest.Select(e => e.Sequence));
        Assert.Equal(20, changed.Count);
    }

    [Fact]
    public async Task Watchdog_SilentPin_ReportsIt()
    {
        await using var host = await TestHost.StartAsync();
        await using var watcher = await host.ConnectAsync();
        var observer = await watcher.ObserveAsync(Input, ObserveOptions.Default.WithWatchdog(TimeSpan.FromMilliseconds(100)));

        await using var events = observer.EventsAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(PinEventKind.Watchdog, events.Current.Kind);
        Assert.True(events.Current.SilentFor >= TimeSpan.FromMilliseconds(100), $"silent for {events.Current.SilentFor}");
    }

    [Fact]
    public async Task DriverObservesItsOwnOutput_EveryCommandsEdgesReachChangedBeforeItsCompletion()
    {
        // Outcomes and observer events take one path on the client (the link's read thread), so the
        // client sees them in the order the pin's actor sent them: a command's edges, then its end.
        // Through the client actor's mailbox the edges raced the completion and often lost.
        await using var host = await TestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var pin = await client.PinAsync(Output);
        var observer = await client.ObserveAsync(Output);
        var edges = 0;
        observer.Changed += (_, e) =>
        {
            if (e.Kind == PinEventKind.Edge)
            {
                Interlocked.Increment(ref edges);
            }
        };

        for (var i = 1; i <= 50; i++)
        {
            await pin.On(TimeSpan.FromMilliseconds(1)).Completion;
            Assert.Equal(2 * i, Volatile.Read(ref edges));
        }
    }

    [Fact]
    public async Task BoardPinObservedWhileItsInputToggles_FirstEventsFollowTheStartSequenceWithoutGaps()
    {
        // The host confirms an observation and sends edges right after it. A board pin's GPIO is
        // known only from the confirmation, so the observer must be registered where the
        // confirmation arrives, before the next message: registered later (in the awaiting
        // continuation), the first edges found no observer and vanished without a gap notice. And
        // the confirmation's sequence must be the last edge sent to earlier observers, not the last
        // one numbered: edges still in the pin's inbox reach the new observer too.
        const int BoardPinOfInput = 13; // GPIO 27 on the 40-pin header
        await using var host = await TestHost.StartAsync();
        host.Chip.Connect(Output, Input);
        await using var driver = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("driver"));
        var pin = await driver.PinAsync(Output);
        var blink = pin.Blink(TimeSpan.FromSeconds(20), TimeSpan.FromMicroseconds(200), TimeSpan.FromMicroseconds(200));
        await blink.Accepted;
        try
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                await using var observing = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName($"observer-{attempt}"));
                await using var observer = await observing.ObserveAsync(BoardPinOfInput, numbering: Numbering.Board);
                Assert.Equal(Input, observer.Gpio);
                var first = await Collect(observer, 10);
                Assert.Equal(Enumerable.Range(1, 10).Select(i => observer.SequenceAtStart + (ulong)i), first.Select(e => e.Sequence));
            }
        }
        finally
        {
            await pin.Off(policy: CommandPolicy.Replace).Accepted;
        }
    }

    private static async Task<List<PinEvent>> Collect(PinObserver observer, int count)
    {
        var edges = new List<PinEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var e in observer.EventsAsync(timeout.Token))
        {
            if (e.Kind == PinEventKind.Edge && edges.Count < count)
            {
                edges.Add(e);
            }

            if (edges.Count == count)
            {
                break;
            }
        }

        return edges;
    }
}
