using System.Globalization;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Contract;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Simulation;

/// <summary>What only the simulated chip does: its log, wires, buttons, pulls and debounce on the manual clock.</summary>
public sealed class SimulatedGpioChipTests : IDisposable
{
    /// <summary>Nanoseconds per millisecond.</summary>
    private const long Ms = 1_000_000;

    /// <summary>The virtual clock.</summary>
    private readonly ManualTimeProvider _clock = new();

    /// <summary>The chip.</summary>
    private readonly SimulatedGpioChip _chip;

    /// <summary>A controller on it.</summary>
    private readonly GpioController _controller;

    public SimulatedGpioChipTests()
    {
        _chip = new SimulatedGpioChip(_clock);
        _controller = new GpioController(new SimulatedGpioDriver(_chip), "test");
    }

    [Fact]
    public void Chip_Default_HasTheBcm2835LayoutWithPiLineNames()
    {
        Assert.Equal(54, _controller.PinCount);
        Assert.Equal(54, _chip.Info.LineCount);
        Assert.Equal("GPIO0", _controller.GetLineInfo(0).Name);
        Assert.Equal("GPIO17", _controller.GetLineInfo(17).Name);
        Assert.Equal("GPIO53", _chip.GetLineName(53));
    }

    [Fact]
    public void OpenPin_OutputLowOnAPulledUpLine_LogsTheDriveDown()
    {
        _controller.OpenPin(3, PinMode.Output);
        Assert.Equal([new GpioTransition(0, 3, PinValue.Low)], _chip.Transitions(3));
    }

    [Fact]
    public void TransitionLog_Writes_RecordsEveryChangeStampedOnTheClock()
    {
        _controller.OpenPin(17, PinMode.Output);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(5));
        _controller.Write(17, PinValue.High);
        _controller.Write(17, PinValue.High);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(7.5));
        _controller.Write(17, PinValue.Low);

        Assert.Equal(
            [new GpioTransition(5 * Ms, 17, PinValue.High), new GpioTransition((75 * Ms) / 10, 17, PinValue.Low)],
            _chip.Transitions(17));
        Assert.Equal(2, _chip.TransitionCount);
    }

    [Fact]
    public void ExportTransitions_File_HasTimestampLineLevelRows()
    {
        _controller.OpenPin(4, PinMode.Output);
        _chip.ClearTransitions();
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(1));
        _controller.Write(4, PinValue.High);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(3));
        _controller.Write(4, PinValue.Low);
        var path = Path.Combine(Path.GetTempPath(), $"remoteio-transitions-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(2, _chip.ExportTransitions(path));
            Assert.Equal(["timestamp_ns,line,level", "1000000,4,1", "3000000,4,0"], File.ReadAllLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TransitionLog_Full_KeepsTheNewestAndCountsTheDropped()
    {
        var small = ChipWithToggles(capacity: 4, toggles: 10);

        Assert.Equal(10, small.TransitionCount);
        Assert.Equal(6, small.DroppedTransitionCount);
        Assert.Equal([7 * Ms, 8 * Ms, 9 * Ms, 10 * Ms], small.Transitions().Select(t => t.TimestampNanoseconds));
    }

    [Fact]
    public void WriteTransitions_RingWrappedAround_WritesTheNewestOldestFirst()
    {
        var small = ChipWithToggles(capacity: 4, toggles: 7);

        using var csv = new StringWriter();
        Assert.Equal(4, small.WriteTransitions(csv));
        var rows = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["timestamp_ns,line,level", $"{4 * Ms},5,0", $"{5 * Ms},5,1", $"{6 * Ms},5,0", $"{7 * Ms},5,1"], rows);
    }

    [Fact]
    public void WriteTransitions_FullLog_AllocatesOneChunkNotACopyOfTheRing()
    {
        const int Rows = 20_000;
        var chip = ChipWithToggles(capacity: Rows, toggles: Rows + 100);

        chip.WriteTransitions(TextWriter.Null);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(Rows, chip.WriteTransitions(TextWriter.Null));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One 2,048-row chunk (32 KB) whatever the ring's size. A copy of the whole ring is 16 bytes
        // a row (4 MiB at the default capacity, a step in the host's peak RSS at every dump), and
        // two strings a row made a full dump allocate ~25 MB.
        Assert.True(allocated < 40_000, $"bytes allocated writing {Rows} rows: {allocated}");
    }

    [Fact]
    public void WriteTransitions_MoreRowsThanOneChunk_WritesEveryRowOnceInOrder()
    {
        const int Rows = 5_000;
        var chip = ChipWithToggles(capacity: 4_096, toggles: Rows);

        using var csv = new StringWriter();
        Assert.Equal(4_096, chip.WriteTransitions(csv));
        var timestamps = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => long.Parse(row.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(Rows - 4_096 + 1, 4_096).Select(i => i * Ms), timestamps);
    }

    [Fact]
    public void TransitionLog_RowsOverwrittenDuringAnExport_AreSkippedNotRepeated()
    {
        var log = new TransitionLog(capacity: 4);
        for (var i = 1; i <= 4; i++)
        {
            log.Add(new GpioTransition(i, 5, PinValue.High));
        }

        var (next, end) = log.RetainedRange();
        var chunk = new GpioTransition[2];
        Assert.Equal(2, log.CopyChunk(ref next, end, chunk));
        Assert.Equal([1L, 2L], chunk.Select(t => t.TimestampNanoseconds));

        // Rows 5-7 arrive while the first chunk is being formatted and overwrite rows 1-3: row 3 was
        // not copied yet and is skipped (counted as dropped), so only row 4 is left of the range.
        for (var i = 5; i <= 7; i++)
        {
            log.Add(new GpioTransition(i, 5, PinValue.High));
        }

        Assert.Equal(1, log.CopyChunk(ref next, end, chunk));
        Assert.Equal(4L, chunk[0].TimestampNanoseconds);
        Assert.Equal(0, log.CopyChunk(ref next, end, chunk));
        Assert.Equal(3, log.Dropped);
    }

    [Fact]
    public void TransitionLog_SteadyStateWrites_AllocateNothing()
    {
        _controller.OpenPin(6, PinMode.Output);
        for (var i = 0; i < 1000; i++)
        {
            _controller.Write(6, i % 2 == 0);
        }

        // The runtime itself may allocate now and then on this thread (tiered JIT promotion): a
        // write that allocated would show in every round, so the quietest round must be clean.
        var rounds = new long[5];
        for (var round = 0; round < rounds.Length; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                _controller.Write(6, i % 2 == 0);
            }

            rounds[round] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.True(rounds.Min() == 0, $"bytes allocated per 10,000 writes: {string.Join(", ", rounds)}");
    }

    [Fact]
    public void Connect_OutputWiredToInput_InputFollowsAndRaisesEdgesAtTheSameInstant()
    {
        _chip.Connect(source: 20, target: 21);
        _controller.OpenPin(20, PinMode.Output);
        _controller.OpenLine(21, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        var listener = new RecordingEdgeListener();
        _controller.AddEdgeListener(21, listener);

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(2));
        _controller.Write(20, PinValue.High);
        Assert.Equal(PinValue.High, _controller.Read(21));
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(4));
        _controller.Write(20, PinValue.Low);

        Assert.Equal(
            [new GpioEdgeEvent(21, PinEventTypes.Rising, 2 * Ms, 1, 1), new GpioEdgeEvent(21, PinEventTypes.Falling, 4 * Ms, 2, 2)],
            listener.Events);
        _chip.Disconnect(21);
        _controller.Write(20, PinValue.High);
        Assert.Equal(PinValue.Low, _controller.Read(21));
    }

    [Fact]
    public void Connect_TargetAlreadyWired_RefusedClearly()
    {
        _chip.Connect(20, 21);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => _chip.Connect(22, 21));
        Assert.Equal("line 21 is already wired to line 20; disconnect it first", error.Message);
        Assert.Throws<GpioInvalidArgumentException>(() => _chip.Connect(5, 5));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 0)]
    [InlineData(17, 0)]
    [InlineData(27, 0)]
    [InlineData(47, 1)]
    public void Input_UndrivenWithBiasAsIs_ReadsTheBcm2835ResetPull(int line, int level)
    {
        _controller.OpenPin(line, PinMode.Input);
        Assert.Equal((PinValue)level, _controller.Read(line));
    }

    [Fact]
    public void Input_BiasDisabled_FloatsAndHoldsItsLastLevel()
    {
        _controller.OpenPin(10, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, _controller.Read(10));
        _controller.Reconfigure(10, LineSettings.Input.WithBias(LineBias.Disabled));
        Assert.Equal(PinValue.High, _controller.Read(10));
        _chip.DriveExternal(10, PinValue.Low);
        _chip.ReleaseExternal(10);
        Assert.Equal(PinValue.Low, _controller.Read(10));
    }

    [Fact]
    public void OpenDrain_HighReleasesTheLineToItsPullLowDrives()
    {
        _controller.OpenLine(12, LineSettings.Output.WithDrive(LineDrive.OpenDrain).WithBias(LineBias.PullUp));
        Assert.Equal(PinValue.Low, _chip.GetLevel(12));
        _controller.Write(12, PinValue.High);
        Assert.Equal(PinValue.High, _chip.GetLevel(12));
        _chip.DriveExternal(12, PinValue.Low);
        Assert.Equal(PinValue.Low, _chip.GetLevel(12));
        Assert.Equal(PinValue.Low, _controller.Read(12));
    }

    [Fact]
    public void OpenSource_LowReleasesTheLineToItsPull()
    {
        _controller.OpenLine(13, LineSettings.Output.WithDrive(LineDrive.OpenSource).WithBias(LineBias.PullDown).WithInitialValue(PinValue.High));
        Assert.Equal(PinValue.High, _chip.GetLevel(13));
        _controller.Write(13, PinValue.Low);
        Assert.Equal(PinValue.Low, _chip.GetLevel(13));
    }

    [Fact]
    public void Release_Output_KeepsDrivingItsLevelLikeAPi()
    {
        _controller.OpenLine(16, LineSettings.Output.WithActiveLow(true).WithInitialValue(PinValue.High));
        Assert.Equal(PinValue.Low, _chip.GetLevel(16));
        _controller.ClosePin(16);
        Assert.Equal(PinValue.Low, _chip.GetLevel(16));
        var info = _controller.GetLineInfo(16);
        Assert.Equal(LineDirection.Output, info.Direction);
        Assert.False(info.InUse);
        Assert.False(info.ActiveLow);
    }

    [Fact]
    public void Button_PressWithBounceOnDebouncedInput_OneEventWhenTheContactSettles()
    {
        _controller.OpenLine(26, LineSettings.Input.WithBias(LineBias.PullUp).WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling).WithDebounce(TimeSpan.FromMilliseconds(5)));
        var listener = new RecordingEdgeListener();
        _controller.AddEdgeListener(26, listener);
        var button = new SimulatedButton(_chip, 26);
        _chip.ClearTransitions();

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(10));
        button.Press(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.5), TimeSpan.FromMilliseconds(2));
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(100));

        // Chatter: pressed at 10, open at 11, closed at 11.5, open at 13.5, closed (settled) at 15.5.
        Assert.Equal(
            [(10 * Ms, 0), (11 * Ms, 1), (115 * Ms / 10, 0), (135 * Ms / 10, 1), (155 * Ms / 10, 0)],
            _chip.Transitions(26).Select(t => (t.TimestampNanoseconds, t.Level.AsInt)));
        Assert.Equal([new GpioEdgeEvent(26, PinEventTypes.Falling, 205 * Ms / 10, 1, 1)], listener.Events);
        Assert.Equal(PinValue.Low, _controller.Read(26));

        button.Release();
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(200));
        Assert.Equal(PinEventTypes.Rising, listener.Events[^1].Kind);
        Assert.Equal(105 * Ms, listener.Events[^1].TimestampNanoseconds);
    }

    [Fact]
    public void Button_WithoutDebounce_EveryBounceIsAnEvent()
    {
        _controller.OpenLine(19, LineSettings.Input.WithBias(LineBias.PullUp).WithEdgeDetection(PinEventTypes.Falling | PinEventTypes.Rising));
        var listener = new RecordingEdgeListener();
        _controller.AddEdgeListener(19, listener);
        new SimulatedButton(_chip, 19).Press(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(10));

        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising, PinEventTypes.Falling], listener.Events.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], listener.Events.Select(e => e.LineSequence));
    }

    [Fact]
    public void Debounce_ReadDuringChatter_ReturnsTheLastSettledLevel()
    {
        _controller.OpenLine(25, LineSettings.Input.WithBias(LineBias.PullUp).WithDebounce(TimeSpan.FromMilliseconds(5)));
        _chip.DriveExternal(25, PinValue.Low);
        Assert.Equal(PinValue.High, _controller.Read(25));
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(PinValue.Low, _controller.Read(25));
    }

    [Fact]
    public void Drivers_TwoOnOneChip_ContendLikeTwoProcesses()
    {
        using var other = new GpioController(new SimulatedGpioDriver(_chip), "other-process");
        other.OpenPin(18, PinMode.Output);
        var error = Assert.Throws<GpioLineBusyException>(() => _controller.OpenPin(18, PinMode.Input));
        Assert.Equal("line 18 is in use by other-process", error.Message);
        other.Driver.Dispose();
        _controller.OpenPin(18, PinMode.Input);
    }

    [Fact]
    public void ExternalApi_LineOutOfRange_RefusedClearly()
    {
        var error = Assert.Throws<GpioInvalidArgumentException>(() => _chip.DriveExternal(54, PinValue.High));
        Assert.Equal("line 54 does not exist: the simulated chip has lines 0..53", error.Message);
        Assert.Throws<GpioInvalidArgumentException>(() => new SimulatedButton(_chip, -1));
        Assert.Throws<GpioInvalidArgumentException>(() => new SimulatedGpioChip(lineCount: 65));
    }

    public void Dispose() => _controller.Dispose();

    /// <summary>A chip whose log holds <paramref name="capacity"/> rows, after line 5 toggled <paramref name="toggles"/> times 1 ms apart (from 1 ms, starting high).</summary>
    private SimulatedGpioChip ChipWithToggles(int capacity, int toggles)
    {
        var chip = new SimulatedGpioChip(_clock, transitionLogCapacity: capacity);
        using var controller = new GpioController(new SimulatedGpioDriver(chip), "toggles");
        controller.OpenPin(5, PinMode.Output);
        chip.ClearTransitions();
        for (var i = 0; i < toggles; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            controller.Write(5, i % 2 == 0);
        }

        return chip;
    }
}
