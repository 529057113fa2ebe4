using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>
/// NOIB report streams as pigpio.py's callback thread reads them: level changes with ticks and all
/// 32 levels, keep-alives after 60 s of silence, watchdogs, events, glitch and noise filters — on
/// the virtual clock. "Nothing was reported in between" is shown by the next report's sequence number.
/// </summary>
public sealed class PigpioNotificationTests : PigpioTestBase
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    /// <summary>GPIO 0-8 read high from their power-on pull-ups; every report's level word shows them.</summary>
    private const uint PowerOn = 0x1FF;

    [Fact]
    public async Task Nb_InputEdges_ReportsRisingAndFallingWithTicksAndLevels()
    {
        var (notify, handle) = await OpenAsync(1 << 22);
        H.Clock.Advance(TimeSpan.FromMilliseconds(3));
        var rising = H.Board.Tick;

        H.Board.DriveInput(22, true);
        H.Clock.Advance(TimeSpan.FromMilliseconds(2));
        var falling = H.Board.Tick;
        H.Board.DriveInput(22, false);

        Assert.Equal(0, handle);
        Assert.Equal(new PigpioReport(0, 0, rising, PowerOn | (1 << 22)), await notify.ReportAsync());
        Assert.Equal(new PigpioReport(1, 0, falling, PowerOn), await notify.ReportAsync());
    }

    [Fact]
    public async Task Nb_BackendNotYetWatching_RepliesOnlyOnceItIs()
    {
        // A client drives the GPIO as soon as NB answers: an answer before the backend watches would lose that edge.
        var notify = H.Connect();
        var handle = await notify.CommandAsync(PigpioCommand.NOIB);

        await AssertAnswersOnlyOnceWatchingAsync(() => Pi.CommandAsync(PigpioCommand.NB, (uint)handle, 1 << 22));
    }

    [Fact]
    public Task Wdog_BackendNotYetWatching_RepliesOnlyOnceItIs() =>
        // As NB: a change right after the reply must restart the watchdog, so the backend must watch by then.
        AssertAnswersOnlyOnceWatchingAsync(() => Pi.CommandAsync(PigpioCommand.WDOG, 22, 100));

    [Fact]
    public async Task Nb_ChangeOutsideMask_NotReportedButShownInLevels()
    {
        var (notify, _) = await OpenAsync(1 << 22);

        H.Board.DriveInput(23, true);
        H.Board.DriveInput(22, true);

        var report = await notify.ReportAsync();
        Assert.Equal(((ushort)0, PowerOn | (1u << 22) | (1u << 23)), (report.Sequence, report.Levels));
    }

    [Fact]
    public async Task Alive_AfterSixtySecondsOfSilence_SentThenRepeatedEveryMinute()
    {
        var (notify, _) = await OpenAsync(1 << 22);

        H.Clock.Advance(Minute - TimeSpan.FromMilliseconds(1));
        H.Board.DriveInput(22, true);
        H.Clock.Advance(Minute - TimeSpan.FromMilliseconds(1));
        H.Board.DriveInput(22, false);
        H.Clock.Advance(Minute);
        var firstAlive = H.Board.Tick;
        H.Clock.Advance(Minute);
        var secondAlive = H.Board.Tick;

        Assert.Equal((0, 0), Short(await notify.ReportAsync()));
        Assert.Equal((1, 0), Short(await notify.ReportAsync()));
        Assert.Equal(new PigpioReport(2, PigpioNotifyFlags.Alive, firstAlive, PowerOn), await notify.ReportAsync());
        Assert.Equal(new PigpioReport(3, PigpioNotifyFlags.Alive, secondAlive, PowerOn), await notify.ReportAsync());
    }

    [Fact]
    public async Task Alive_HandleWithoutNb_StillSent()
    {
        var notify = H.Connect();
        Assert.Equal(0, await notify.CommandAsync(PigpioCommand.NOIB));

        H.Clock.Advance(Minute);

        Assert.Equal(new PigpioReport(0, PigpioNotifyFlags.Alive, H.Board.Tick, PowerOn), await notify.ReportAsync());
    }

    [Fact]
    public async Task Watchdog_NoChange_ReportsWatchdogFlagEveryTimeoutAndChangesRestartIt()
    {
        var (notify, _) = await OpenAsync(1 << 22);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.WDOG, 22, 100));

        H.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var first = H.Board.Tick;
        H.Clock.Advance(TimeSpan.FromMilliseconds(50));
        H.Board.DriveInput(22, true);
        H.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var second = H.Board.Tick;

        Assert.Equal(new PigpioReport(0, PigpioNotifyFlags.Watchdog | 22, first, PowerOn), await notify.ReportAsync());
        Assert.Equal((1, 0), Short(await notify.ReportAsync()));
        Assert.Equal(new PigpioReport(2, PigpioNotifyFlags.Watchdog | 22, second, PowerOn | (1 << 22)), await notify.ReportAsync());
    }

    [Theory]
    [InlineData(32u, 100u, PigpioError.BadUserGpio)]
    [InlineData(4u, 60_001u, PigpioError.BadWatchdogTimeout)]
    public async Task Wdog_BadArgument_AnswersPigpiosError(uint gpio, uint timeout, PigpioError error) =>
        Assert.Equal((int)error, await Pi.CommandAsync(PigpioCommand.WDOG, gpio, timeout));

    [Fact]
    public async Task Np_Paused_NoLevelReportsUntilNbAgain()
    {
        var (notify, handle) = await OpenAsync(1 << 22);

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.NP, (uint)handle));
        H.Board.DriveInput(22, true);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.NB, (uint)handle, 1 << 22));
        H.Board.DriveInput(22, false);

        Assert.Equal(new PigpioReport(0, 0, H.Board.Tick, PowerOn), await notify.ReportAsync());
    }

    [Fact]
    public async Task Nc_Handle_ClosedThenBadHandle()
    {
        var (_, handle) = await OpenAsync(1 << 22);

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.NC, (uint)handle));

        Assert.Equal((int)PigpioError.BadHandle, await Pi.CommandAsync(PigpioCommand.NB, (uint)handle, 1));
        Assert.Equal((int)PigpioError.BadHandle, await Pi.CommandAsync(PigpioCommand.NC, (uint)handle));
        Assert.Equal((int)PigpioError.BadHandle, await Pi.CommandAsync(PigpioCommand.NP, 32));
    }

    [Fact]
    public async Task Noib_AllThirtyTwoHandlesOpen_NoHandleUntilAConnectionLeaves()
    {
        var clients = new List<PigpioClient>();
        for (var i = 0; i < PigpioNotifier.Slots; i++)
        {
            clients.Add(H.Connect());
            Assert.Equal(i, await clients[i].CommandAsync(PigpioCommand.NOIB));
        }

        Assert.Equal((int)PigpioError.NoHandle, await Pi.CommandAsync(PigpioCommand.NOIB));

        await clients[7].Connection.CloseAsync();
        Assert.Equal(7, await H.Connect().CommandAsync(PigpioCommand.NOIB));
    }

    [Fact]
    public async Task EvmAndEvt_MonitoredEvent_ReportsEventFlag()
    {
        var (notify, handle) = await OpenAsync(0);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.EVM, (uint)handle, 1 << 3));

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.EVT, 4));
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.EVT, 3));

        Assert.Equal((0, PigpioNotifyFlags.Event | 3), Short(await notify.ReportAsync()));
        Assert.Equal((int)PigpioError.BadEventId, await Pi.CommandAsync(PigpioCommand.EVT, 32));
    }

    [Fact]
    public async Task GlitchFilter_PulseShorterThanSteady_NotReportedAndHeldLevelReportedAtSteadyEnd()
    {
        var (notify, _) = await OpenAsync(1 << 22);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.FG, 22, 1000));

        H.Board.DriveInput(22, true);
        H.Clock.Advance(TimeSpan.FromMicroseconds(500));
        H.Board.DriveInput(22, false);
        H.Clock.Advance(TimeSpan.FromMilliseconds(2));
        var held = H.Board.Tick;
        H.Board.DriveInput(22, true);
        H.Clock.Advance(TimeSpan.FromMicroseconds(1000));

        Assert.Equal(new PigpioReport(0, 0, held + 1000, PowerOn | (1 << 22)), await notify.ReportAsync());
    }

    [Fact]
    public async Task Fg_SteadyTooLong_IsBadFilter() =>
        Assert.Equal((int)PigpioError.BadFilter, await Pi.CommandAsync(PigpioCommand.FG, 22, 300_001));

    [Fact]
    public async Task NoiseFilter_ReportsOnlyInWindowsOpenedByStableStretches()
    {
        var (notify, _) = await OpenAsync(1 << 22);
        var start = H.Board.Tick;
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.FN, 22, 1000, extension: 1000));

        // Steady 1000 µs, window 1000 µs: t=500 ignored (stable 500), t=3000 opens a window until 4000
        // (level stays low: nothing to report), t=3500 reported, t=4500 and t=4700 ignored, t=6000 opens a window.
        await DriveAtAsync(start, 500, true);
        await DriveAtAsync(start, 3000, false);
        await DriveAtAsync(start, 3500, true);
        await DriveAtAsync(start, 4500, false);
        await DriveAtAsync(start, 4700, true);
        await DriveAtAsync(start, 6000, false);

        Assert.Equal(new PigpioReport(0, 0, start + 3500, PowerOn | (1 << 22)), await notify.ReportAsync());
        Assert.Equal(new PigpioReport(1, 0, start + 6000, PowerOn), await notify.ReportAsync());
    }

    [Fact]
    public async Task Fn_WithoutExtension_IsBadParameter() =>
        Assert.Equal((int)PigpioError.BadParameter, await Pi.CommandAsync(PigpioCommand.FN, 22, 1000));

    [Fact]
    public async Task NotifyConnection_Leaves_HandleClosed()
    {
        var (notify, handle) = await OpenAsync(1 << 22);

        await notify.Connection.CloseAsync();

        Assert.Equal((int)PigpioError.BadHandle, await Pi.CommandAsync(PigpioCommand.NB, (uint)handle, 1));
    }

    /// <summary>As pigpio.py: a second connection sends NOIB, the command connection sends NB for its handle.</summary>
    private async Task<(PigpioClient Notify, int Handle)> OpenAsync(uint bits)
    {
        var notify = H.Connect();
        var handle = await notify.CommandAsync(PigpioCommand.NOIB);
        Assert.True(handle >= 0);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.NB, (uint)handle, bits));
        return (notify, handle);
    }

    /// <summary>
    /// Sends a command while the fake board holds its watch's confirmation: once the command waits
    /// for the watch (no sleeping: the fake says when), it must not have answered; released, it answers 0.
    /// </summary>
    private async Task AssertAnswersOnlyOnceWatchingAsync(Func<Task<int>> send)
    {
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var awaited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        H.Board.WatchConfirmed = watching.Task;
        H.Board.WatchAwaited = awaited;

        var answer = send();
        await awaited.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(answer.IsCompleted);

        watching.SetResult();
        Assert.Equal(0, await answer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private Task DriveAtAsync(uint start, uint microseconds, bool level)
    {
        H.Clock.Advance(TimeSpan.FromMicroseconds(microseconds - (H.Board.Tick - start)));
        H.Board.DriveInput(22, level);
        return Task.CompletedTask;
    }

    private static (int Sequence, int Flags) Short(PigpioReport report) => (report.Sequence, report.Flags);
}
