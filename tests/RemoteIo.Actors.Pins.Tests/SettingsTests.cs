using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Default_NewSettings_EqualAsRecordsWithEmptyPinsAndGroups()
    {
        // The empty collections are shared, so two default records compare equal (and none is null).
        Assert.Equal(PinsSettings.Default, new PinsSettings());
        Assert.Empty(PinsSettings.Default.Pins);
        Assert.Empty(PinsSettings.Default.ExclusiveGroups);
        Assert.Equal(Kernel.CoordinatedShutdownSettings.Default, new Kernel.CoordinatedShutdownSettings());
        Assert.Empty(Kernel.CoordinatedShutdownSettings.Default.PhaseTimeouts);
        Assert.Empty(Kernel.ActorSystemSettings.Default.Dispatchers);
    }

    [Fact]
    public void FromConfig_ReferenceConf_MatchesTheDocumentedDefaults()
    {
        var settings = PinsSettings.FromConfig(ConfigurationFactory.Empty);
        var defaults = PinsSettings.Default;

        Assert.Equal(defaults.DefaultMode, settings.DefaultMode);
        Assert.Equal(defaults.Shutdown, settings.Shutdown);
        Assert.Equal(defaults.DrainTimeout, settings.DrainTimeout);
        Assert.Equal(defaults.DefaultSafeLevel, settings.DefaultSafeLevel);
        Assert.Empty(settings.Pins);
        Assert.Empty(settings.ExclusiveGroups);
        Assert.Equal(defaults.ObserverQueueCapacity, settings.ObserverQueueCapacity);
        Assert.Equal(defaults.EdgeBufferCapacity, settings.EdgeBufferCapacity);
        Assert.Equal(defaults.MaxCommandDuration, settings.MaxCommandDuration);
        Assert.Equal(defaults.MaxPwmFrequencyHz, settings.MaxPwmFrequencyHz);
        Assert.Equal((defaults.ServoPeriod, defaults.ServoMinPulse, defaults.ServoMaxPulse), (settings.ServoPeriod, settings.ServoMinPulse, settings.ServoMaxPulse));
        Assert.Equal(defaults.Dispatcher, settings.Dispatcher);
        Assert.Equal((defaults.MaxPinRestarts, defaults.PinRestartWindow), (settings.MaxPinRestarts, settings.PinRestartWindow));
        Assert.Equal(defaults.StatesTimeout, settings.StatesTimeout);
        Assert.Equal((HardwarePwmMode.Auto, "/sys/kernel/debug/pinctrl"), (settings.HardwarePwm, settings.PinctrlRoot));
    }

    [Fact]
    public void FromConfig_HardwarePwmOffAndPinctrlRoot_AreRead()
    {
        var config = ConfigurationFactory.ParseString("remoteio.pins { hardware-pwm = off, pinctrl-root = \"/tmp/pinctrl\" }");

        var settings = PinsSettings.FromConfig(config);

        Assert.Equal((HardwarePwmMode.Off, "/tmp/pinctrl"), (settings.HardwarePwm, settings.PinctrlRoot));
    }

    [Fact]
    public void FromConfig_PinSettingsAndGroups_AreRead()
    {
        var config = ConfigurationFactory.ParseString("""
            remoteio.pins {
              default-mode = nowait
              shutdown = cut
              default-safe-level = high
              pin-settings {
                17 { safe-level = low, max-on-time = 5s }
                18 { }
              }
              exclusive-groups = [{ name = "h-bridge-A", gpios = [5, 6] }]
            }
            """);

        var settings = PinsSettings.FromConfig(config);

        Assert.Equal(Mode.Nowait, settings.DefaultMode);
        Assert.Equal(ShutdownBehavior.Cut, settings.Shutdown);
        Assert.Equal(new PinSettings { SafeLevel = PinValue.Low, MaxOnTime = TimeSpan.FromSeconds(5) }, settings.Pins[17]);
        Assert.Equal(PinValue.High, settings.Pins[18].SafeLevel);
        Assert.Equal(PinValue.High, settings.For(4).SafeLevel);
        var group = Assert.Single(settings.ExclusiveGroups);
        Assert.Equal("h-bridge-A", group.Name);
        Assert.Equal([5, 6], group.Gpios);
    }

    [Theory]
    [InlineData("default-mode = sometimes", "remoteio.pins.default-mode")]
    [InlineData("shutdown = later", "remoteio.pins.shutdown")]
    [InlineData("default-safe-level = medium", "remoteio.pins.default-safe-level")]
    [InlineData("pin-settings { seventeen { safe-level = low } }", "remoteio.pins.pin-settings")]
    [InlineData("pin-settings { 17 { max-on-time = 0s } }", "remoteio.pins.pin-settings.17.max-on-time")]
    [InlineData("exclusive-groups = [{ name = a, gpios = [5] }]", "remoteio.pins.exclusive-groups")]
    [InlineData("exclusive-groups = [{ name = a, gpios = [5, 6] }, { name = a, gpios = [7, 8] }]", "remoteio.pins.exclusive-groups")]
    [InlineData("observer-queue-capacity = 0", "remoteio.pins.observer-queue-capacity")]
    [InlineData("servo.min-pulse = 30ms", "remoteio.pins.servo")]
    [InlineData("hardware-pwm = sometimes", "remoteio.pins.hardware-pwm")]
    [InlineData("pinctrl-root = \"\"", "remoteio.pins.pinctrl-root")]
    public void FromConfig_InvalidSetting_FailsNamingTheKey(string hocon, string key)
    {
        var config = ConfigurationFactory.ParseString("remoteio.pins { " + hocon + " }");

        var error = Assert.Throws<ConfigurationException>(() => PinsSettings.FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
