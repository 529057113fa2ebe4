using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.ClientNode;
using RemoteIo.Host.Gpio;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary><c>remoteio.gpio.simulation.wires</c>: read from HOCON in both forms, bad values name the key, and a host wired by config makes input edges.</summary>
public sealed class SimulationWiresTests
{
    [Fact]
    public void FromConfig_StringsAndObjects_BecomeWiresInOrder()
    {
        var config = ConfigurationFactory.ParseString("""remoteio.gpio.simulation.wires = [ "20->21", { from = 5, to = 6 }, " 17 -> 27 " ]""");

        var wires = GpioOptionsConfig.FromConfig(config).Simulation.Wires;

        Assert.Equal([new SimulatedWire(20, 21), new SimulatedWire(5, 6), new SimulatedWire(17, 27)], wires);
    }

    [Fact]
    public void FromConfig_NoKeyOrEmptyList_NoWires()
    {
        Assert.Empty(GpioOptionsConfig.FromConfig(Config.Empty).Simulation.Wires);
        Assert.Empty(GpioOptionsConfig.FromConfig(ConfigurationFactory.ParseString("remoteio.gpio.simulation.wires = []")).Simulation.Wires);
    }

    [Theory]
    [InlineData("""wires = "20->21" """, "remoteio.gpio.simulation.wires: expected a list")]
    [InlineData("""wires = [ 20 ]""", "remoteio.gpio.simulation.wires[0]: 20 is neither")]
    [InlineData("""wires = [ "20->21", "20=>22" ]""", "remoteio.gpio.simulation.wires[1]: \"20=>22\" is not a wire: write FROM->TO")]
    [InlineData("""wires = [ { from = 20 } ]""", "remoteio.gpio.simulation.wires[0].to: expected a line number")]
    [InlineData("""wires = [ { from = x, to = 21 } ]""", "remoteio.gpio.simulation.wires[0].from: expected a line number")]
    [InlineData("""wires = [ "21->21" ]""", "remoteio.gpio.simulation.wires[0] = \"21->21\": a line cannot be wired to itself")]
    [InlineData("""wires = [ "20->64" ]""", "remoteio.gpio.simulation.wires[0] = \"20->64\": the simulated chip has lines 0..53")]
    [InlineData("""wires = [ "20->21", "22->21" ]""", "remoteio.gpio.simulation.wires[1] = \"22->21\": line 21 already has a wire into it")]
    public void FromConfig_BadWire_FailsNamingTheKeyAndWhy(string hocon, string message)
    {
        var config = ConfigurationFactory.ParseString("remoteio.gpio.simulation { " + hocon + " }");

        var error = Assert.Throws<ConfigurationException>(() => GpioOptionsConfig.FromConfig(config));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_WiresAndLineCount_WiresAreCheckedAgainstTheConfiguredLines()
    {
        var small = ConfigurationFactory.ParseString("""remoteio.gpio { simulated-line-count = 28, simulation.wires = [ "20->40" ] }""");
        var large = ConfigurationFactory.ParseString("""remoteio.gpio { simulated-line-count = 64, simulation.wires = [ "60->63" ] }""");

        var error = Assert.Throws<ConfigurationException>(() => GpioOptionsConfig.FromConfig(small));

        Assert.StartsWith("remoteio.gpio.simulation.wires[0] = \"20->40\": the simulated chip has lines 0..27", error.Message, StringComparison.Ordinal);
        Assert.Equal([new SimulatedWire(60, 63)], GpioOptionsConfig.FromConfig(large).Simulation.Wires);
    }

    [Fact]
    public async Task Host_WiredByConfig_AnObserverSeesTheEdgesAnotherClientDrives()
    {
        await using var host = await TestHost.StartAsync("""remoteio.gpio.simulation.wires = [ "17->27" ]""");
        await using var watcher = await host.ConnectAsync();
        await using var driver = await host.ConnectAsync();
        var observer = await watcher.ObserveAsync(27);
        var pin = await driver.PinAsync(17);

        var rising = observer.WaitForEdgeAsync(Edge.Rising, TimeSpan.FromSeconds(10));
        var falling = observer.WaitForEdgeAsync(Edge.Falling, TimeSpan.FromSeconds(10));
        var result = await pin.On(TimeSpan.FromMilliseconds(20)).Completion;

        var (up, down) = (await rising, await falling);
        Assert.Equal((27, 27), (up.Gpio, down.Gpio));
        Assert.Equal(up.Sequence + 1, down.Sequence);
        Assert.InRange(up.TimestampNanoseconds, result.StartedAtNanoseconds, down.TimestampNanoseconds);
        Assert.InRange(down.TimestampNanoseconds, result.EndedAtNanoseconds, long.MaxValue);
    }
}
