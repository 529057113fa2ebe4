using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Contract;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Simulation;

/// <summary>Configured jumper wires (<c>remoteio.gpio.simulation.wires</c>): their text form, validation and the factory wiring them.</summary>
public sealed class SimulatedWireTests
{
    [Theory]
    [InlineData("20->21", 20, 21)]
    [InlineData(" 4 -> 17 ", 4, 17)]
    [InlineData("0->53", 0, 53)]
    public void Parse_FromArrowTo_IsThatWire(string text, int from, int to)
    {
        var wire = SimulatedWire.Parse(text);

        Assert.Equal(new SimulatedWire(from, to), wire);
        Assert.Equal($"{from}->{to}", wire.ToString());
    }

    [Theory]
    [InlineData("20-21")]
    [InlineData("20->")]
    [InlineData("->21")]
    [InlineData("-1->21")]
    [InlineData("a->b")]
    [InlineData("20->21->22")]
    public void Parse_NotTwoLineNumbers_FailsSayingHowToWriteIt(string text)
    {
        var error = Assert.Throws<GpioInvalidArgumentException>(() => SimulatedWire.Parse(text));

        Assert.Equal($"\"{text}\" is not a wire: write FROM->TO with two line numbers, e.g. \"20->21\"", error.Message);
    }

    [Theory]
    [InlineData(20, 20, "remoteio.gpio.simulation.wires[1] = \"20->20\": a line cannot be wired to itself")]
    [InlineData(20, 54, "remoteio.gpio.simulation.wires[1] = \"20->54\": the simulated chip has lines 0..53 (remoteio.gpio.simulated-line-count = 54)")]
    [InlineData(22, 5, "remoteio.gpio.simulation.wires[1] = \"22->5\": line 5 already has a wire into it (a line follows one source)")]
    public void Validate_BadWire_NamesTheKeyItsIndexAndWhy(int from, int to, string message)
    {
        var options = GpioOptions.Default.WithSimulation(GpioSimulationOptions.Default.WithWires(new SimulatedWire(4, 5), new SimulatedWire(from, to)));

        var error = Assert.Throws<GpioInvalidArgumentException>(options.Validate);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_WireBeyondA54LineChip_FollowsTheConfiguredLineCount()
    {
        var wire = GpioSimulationOptions.Default.WithWires(new SimulatedWire(60, 63));

        GpioOptions.Default.WithSimulatedLineCount(64).WithSimulation(wire).Validate();
        var error = Assert.Throws<GpioInvalidArgumentException>(GpioOptions.Default.WithSimulatedLineCount(28).WithSimulation(GpioSimulationOptions.Default.WithWires(new SimulatedWire(20, 30))).Validate);
        Assert.Equal("remoteio.gpio.simulation.wires[0] = \"20->30\": the simulated chip has lines 0..27 (remoteio.gpio.simulated-line-count = 28)", error.Message);
    }

    [Fact]
    public void Validate_ChainAndFanOut_AreAllowed()
    {
        GpioSimulationOptions.Default.WithWires(new SimulatedWire(20, 21), new SimulatedWire(21, 22), new SimulatedWire(20, 23)).Validate();
        Assert.Empty(GpioSimulationOptions.Default.Wires);
    }

    [Fact]
    public void Create_SimulatedWithWires_InputFollowsTheDrivenOutputWithEdgesAndTheLogSaysSo()
    {
        var clock = new ManualTimeProvider();
        var log = new List<string>();
        var options = GpioOptions.Default.WithDriver(GpioDriverKind.Simulated)
            .WithSimulation(GpioSimulationOptions.Default.WithWires(new SimulatedWire(20, 21), new SimulatedWire(20, 22)));
        using var driver = GpioDriverFactory.Create(options, clock, log.Add);
        using var controller = new GpioController(driver, ownsDriver: false);
        controller.OpenPin(20, PinMode.Output);
        controller.OpenLine(21, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        var edges = new RecordingEdgeListener();
        controller.AddEdgeListener(21, edges);

        clock.AdvanceTo(TimeSpan.FromMilliseconds(1));
        controller.Write(20, PinValue.High);
        clock.AdvanceTo(TimeSpan.FromMilliseconds(3));
        controller.Write(20, PinValue.Low);

        Assert.Equal(
            [new GpioEdgeEvent(21, PinEventTypes.Rising, 1_000_000, 1, 1), new GpioEdgeEvent(21, PinEventTypes.Falling, 3_000_000, 2, 2)],
            edges.Events);
        var chip = Assert.IsType<SimulatedGpioDriver>(driver).Chip;
        Assert.Equal(PinValue.Low, chip.GetLevel(22));
        controller.Write(20, PinValue.High);
        Assert.Equal(PinValue.High, chip.GetLevel(22));
        Assert.EndsWith("pins are simulated, no hardware is driven; wired 20->21, 20->22", Assert.Single(log), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SimulatedWithABadWire_FailsBeforeOpeningAnything()
    {
        var log = new List<string>();
        var options = GpioOptions.Default.WithDriver(GpioDriverKind.Simulated).WithSimulation(GpioSimulationOptions.Default.WithWires(new SimulatedWire(7, 7)));

        var error = Assert.Throws<GpioInvalidArgumentException>(() => GpioDriverFactory.Create(options, TimeProvider.System, log.Add));

        Assert.Contains("remoteio.gpio.simulation.wires[0]", error.Message, StringComparison.Ordinal);
        Assert.Empty(log);
    }
}
