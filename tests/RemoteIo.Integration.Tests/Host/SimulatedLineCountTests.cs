using RemoteIo.Actors.Configuration;
using RemoteIo.ClientNode;
using RemoteIo.Host.Gpio;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary><c>remoteio.gpio.simulated-line-count</c>: read from HOCON, checked, and on the simulated chip lines past the header are claimable by GPIO number.</summary>
public sealed class SimulatedLineCountTests
{
    [Fact]
    public void FromConfig_NoKey_Bcm2835LineCount()
    {
        Assert.Equal(54, GpioOptionsConfig.FromConfig(Config.Empty).SimulatedLineCount);
    }

    [Fact]
    public void FromConfig_Key_ReadIntoTheOptions()
    {
        var config = ConfigurationFactory.ParseString("remoteio.gpio.simulated-line-count = 64");

        Assert.Equal(64, GpioOptionsConfig.FromConfig(config).SimulatedLineCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void FromConfig_OutOfRange_FailsNamingTheKey(int lines)
    {
        var config = ConfigurationFactory.ParseString($"remoteio.gpio.simulated-line-count = {lines}");

        var error = Assert.ThrowsAny<Exception>(() => GpioOptionsConfig.FromConfig(config));

        Assert.Contains($"remoteio.gpio.simulated-line-count = {lines}: a simulated chip has 1..64 lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_SixtyFourLines_LineBeyondTheHeaderIsClaimedAndDriven()
    {
        await using var host = await TestHost.StartAsync("remoteio.gpio.simulated-line-count = 64");
        await using var client = await host.ConnectAsync();

        var pin = await client.PinAsync(63);
        var result = await pin.On().Completion;

        Assert.Equal(0, pin.Board);
        Assert.Equal(CommandEnd.Completed, result.End);
    }

    [Fact]
    public async Task Host_DefaultLines_GpioBeyondTheChipIsRefused()
    {
        await using var host = await TestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var error = await Assert.ThrowsAnyAsync<RequestRejectedException>(() => client.PinAsync(60));

        Assert.Contains("GPIO 60", error.Message, StringComparison.Ordinal);
    }
}
