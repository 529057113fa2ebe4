using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Tests.Backends;

/// <summary>pigpio's level watch as pins observations: edges with the host's ticks and the level word after them.</summary>
public sealed class PinsLevelWatchTests : PinsBackendKit
{
    private readonly PinsPigpioBackend _backend;
    private readonly Recorder _observer = new();

    public PinsLevelWatchTests()
    {
        _backend = new PinsPigpioBackend(Access, Mode.HostDefault);
    }

    [Fact]
    public void SetMask_InputDrivenFromOutside_EachEdgeWithItsTimestampAsTickAndTheLevelsAfterIt()
    {
        using var watch = _backend.WatchLevels(_observer);
        watch.SetMask(1u << 22);
        AdvanceMs(0);
        var before = _observer.Changes.Count;

        AdvanceMs(1);
        var rise = NowNs;
        Chip.DriveExternal(22, PinValue.High);
        AdvanceMs(2);
        var fall = NowNs;
        Chip.DriveExternal(22, PinValue.Low);
        AdvanceMs(0);

        var changes = _observer.Changes.Skip(before).ToList();
        Assert.Equal([((uint)(rise / 1000), true), ((uint)(fall / 1000), false)], changes.Select(c => (c.Tick, ((c.Levels >> 22) & 1) == 1)));
        // GPIO 0-8 rest high (power-on pull-up): the word carries every GPIO's level, not just the watched one.
        Assert.All(changes, c => Assert.Equal(0x1FFu, c.Levels & 0x1FFu));
    }

    [Fact]
    public async Task WhenWatching_EdgeRightAfterIt_IsReported()
    {
        using var watch = _backend.WatchLevels(_observer);
        watch.SetMask(1u << 22);

        // No settling in between: the pin must already observe when the wait ends (as NB's reply
        // lets a pigpio client drive the GPIO at once), else this edge counts as before the start.
        await watch.WhenWatchingAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Chip.DriveExternal(22, PinValue.High);
        AdvanceMs(0);

        Assert.Contains(_observer.Changes, c => ((c.Levels >> 22) & 1) == 1);
    }

    [Fact]
    public async Task WhenWatching_ObservationRefused_CompletesAnyway()
    {
        // Another process holds the line, so the pin refuses the observation (BUSY).
        using var other = new GpioController(new SimulatedGpioDriver(Chip), "other-daemon");
        other.OpenPin(21, PinMode.Output);
        using var watch = _backend.WatchLevels(_observer);

        watch.SetMask(1u << 21);

        await watch.WhenWatchingAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    [Fact]
    public async Task SetMask_OutputAnotherClientDrives_ItsWritesAreReported()
    {
        using var watch = _backend.WatchLevels(_observer);
        watch.SetMask(1u << 17);
        AdvanceMs(0);
        var driver = _backend.OpenSession(null);

        await Answer(driver.WriteAsync(17, true, default));
        AdvanceMs(0);

        Assert.Contains(_observer.Changes, c => ((c.Levels >> 17) & 1) == 1);
    }

    [Fact]
    public void SetMask_GpioRemoved_NoMoreReports()
    {
        using var watch = _backend.WatchLevels(_observer);
        watch.SetMask(1u << 22);
        AdvanceMs(0);
        watch.SetMask(0);
        AdvanceMs(0);
        var before = _observer.Changes.Count;

        Chip.DriveExternal(22, PinValue.High);
        AdvanceMs(1);

        Assert.Equal(before, _observer.Changes.Count);
    }

    [Fact]
    public void Dispose_WatchSessionClosed_NoReports()
    {
        var watch = _backend.WatchLevels(_observer);
        watch.SetMask(1u << 22);
        AdvanceMs(0);

        watch.Dispose();
        AdvanceMs(0);
        Chip.DriveExternal(22, PinValue.High);
        AdvanceMs(1);

        Assert.DoesNotContain(_observer.Changes, c => ((c.Levels >> 22) & 1) == 1);
        Assert.Equal(string.Empty, OwnerOf(22));
    }

    private sealed class Recorder : IPigpioLevelObserver
    {
        private readonly Lock _gate = new();
        private readonly List<(uint Tick, uint Levels)> _changes = [];

        public IReadOnlyList<(uint Tick, uint Levels)> Changes
        {
            get
            {
                lock (_gate)
                {
                    return [.. _changes];
                }
            }
        }

        public void OnLevelsChanged(uint tick, uint levels)
        {
            lock (_gate)
            {
                _changes.Add((tick, levels));
            }
        }
    }
}
