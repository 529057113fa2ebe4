using System.Net;
using RemoteIo.Actors.Compat.Hosting;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Tests.Hosting;

/// <summary>The <c>remoteio.compat</c> section: documented defaults, every key read, bad values named.</summary>
public sealed class CompatSettingsTests
{
    [Fact]
    public void FromConfig_Reference_BothOffOnLoopbackAtPigpiosAndTheTextPort()
    {
        var settings = CompatSettings.FromConfig(ConfigurationFactory.Empty);

        Assert.False(settings.PigpioEnabled);
        Assert.False(settings.RemoteioEnabled);
        Assert.Equal((IPAddress.Loopback, 8888, 0, 64), (settings.PigpioEndpoint.BindAddress, settings.PigpioEndpoint.Port, settings.PigpioEndpoint.AllowedClients.Count, settings.PigpioEndpoint.MaxConnections));
        Assert.Equal((IPAddress.Loopback, 8510, 0, 64), (settings.RemoteioEndpoint.BindAddress, settings.RemoteioEndpoint.Port, settings.RemoteioEndpoint.AllowedClients.Count, settings.RemoteioEndpoint.MaxConnections));
        Assert.Equal((Mode.HostDefault, Mode.HostDefault), (settings.PigpioMode, settings.RemoteioMode));
        Assert.Equal(PigpioOptions.Default, settings.Pigpio);
        Assert.Equal(CompatSettings.Default.Remoteio, settings.Remoteio);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ReplyTimeout);
    }

    [Fact]
    public void FromConfig_EveryKeySet_Read()
    {
        var settings = CompatSettings.FromConfig(ConfigurationFactory.ParseString("""
            remoteio.compat {
              reply-timeout = 2s
              pigpio { enabled = on, bind = "0.0.0.0", port = 9888, allowed-clients = ["192.168.1.0/24", "10.0.0.7"], max-connections = 8, mode = nowait,
                       update-mask = "0x3C", hardware-revision = "0xC03111", sample-rate = 10, hardware-pwm-clock = 500000000,
                       alive-interval = 30s, notification-queue-capacity = 16 }
              remoteio { enabled = yes, port = 0, mode = wait, max-request-bytes = 64 }
            }
            """));

        Assert.True(settings.PigpioEnabled && settings.RemoteioEnabled);
        Assert.Equal(IPAddress.Any, settings.PigpioEndpoint.BindAddress);
        Assert.Equal([IPNetwork.Parse("192.168.1.0/24"), IPNetwork.Parse("10.0.0.7/32")], settings.PigpioEndpoint.AllowedClients);
        Assert.Equal((9888, 8, Mode.Nowait), (settings.PigpioEndpoint.Port, settings.PigpioEndpoint.MaxConnections, settings.PigpioMode));
        Assert.Equal(
            PigpioOptions.Default.WithUpdateMask(0x3C).WithHardwareRevision(0xC03111).WithSampleRate(10).WithHardwarePwmClock(500_000_000)
                .WithAliveInterval(TimeSpan.FromSeconds(30)).WithNotificationQueueCapacity(16),
            settings.Pigpio);
        Assert.Equal((0, Mode.Wait, 64), (settings.RemoteioEndpoint.Port, settings.RemoteioMode, settings.Remoteio.MaxRequestBytes));
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ReplyTimeout);
    }

    [Theory]
    [InlineData("remoteio.compat.pigpio.mode = sometimes", "remoteio.compat.pigpio.mode: expected default, wait or nowait, got \"sometimes\"")]
    [InlineData("remoteio.compat.remoteio.bind = \"pi.local\"", "remoteio.compat.remoteio.bind: expected an IP address")]
    [InlineData("remoteio.compat.pigpio.allowed-clients = [\"lan\"]", "remoteio.compat.pigpio.allowed-clients: \"lan\" is not a network")]
    [InlineData("remoteio.compat.pigpio.update-mask = \"zz\"", "remoteio.compat.pigpio.update-mask: expected a hexadecimal number")]
    [InlineData("remoteio.compat.pigpio.hardware-revision = \"pi4\"", "remoteio.compat.pigpio.hardware-revision: expected auto or a revision code")]
    [InlineData("remoteio.compat.pigpio.sample-rate = 3", "sample rate 3 µs is not one of pigpiod's")]
    [InlineData("remoteio.compat.pigpio.update-mask = \"0x40000000000000\"", "names GPIOs above 53")]
    [InlineData("remoteio.compat.remoteio.port = 70000", "remoteio endpoint: port 70000 is not in 0..65535")]
    [InlineData("remoteio.compat.reply-timeout = 0s", "reply-timeout")]
    [InlineData("remoteio.compat { pigpio { enabled = on, port = 9000 }, remoteio { enabled = on, port = 9000 } }", "cannot share port 9000")]
    [InlineData("remoteio.compat.pigpio.bind = \"0.0.0.0\"", "needs the list of client networks allowed to connect")]
    public void FromConfig_BadValue_RefusedNamingTheKeyOrTheRule(string hocon, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => CompatSettings.FromConfig(ConfigurationFactory.ParseString(hocon)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
