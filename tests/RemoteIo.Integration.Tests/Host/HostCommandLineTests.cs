using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Remote;
using RemoteIo.Host;
using RemoteIo.Host.Gpio;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>The host's command line: options become HOCON overrides that win over the file.</summary>
public sealed class HostCommandLineTests
{
    [Fact]
    public void ToLaunchOptions_EveryOption_BecomesItsSetting()
    {
        var options = Parse("--port", "9100", "--bind", "0.0.0.0", "--mode", "nowait", "--gpio", "simulated",
            "--unix-socket", "/tmp/my socket#1.sock", "--secret-file", "/etc/remoteio/key", "--config", "/etc/remoteio/host.conf");

        var config = ConfigurationFactory.ParseString(string.Join("\n", options.Overrides));

        Assert.Equal(9100, config.GetInt("remoteio.remote.tcp.port"));
        Assert.Equal("0.0.0.0", config.GetString("remoteio.host.bind"));
        Assert.Equal("nowait", config.GetString("remoteio.pins.default-mode"));
        Assert.Equal("simulated", config.GetString("remoteio.gpio.driver"));
        Assert.True(config.GetBoolean("remoteio.remote.unix.enabled"));
        Assert.Equal("/tmp/my socket#1.sock", config.GetString("remoteio.remote.unix.path"));
        Assert.Equal("/etc/remoteio/key", config.GetString("remoteio.remote.secret-file"));
        Assert.Equal("/etc/remoteio/host.conf", options.ConfigPath);
    }

    [Fact]
    public void ToLaunchOptions_RawOverride_IsKeptAndOptionsWinOverIt()
    {
        var options = Parse("remoteio.remote.tcp.port=1234", "remoteio.host.log.format=json", "--port", "4321");

        var config = ConfigurationFactory.ParseString(string.Join("\n", options.Overrides));

        Assert.Equal(4321, config.GetInt("remoteio.remote.tcp.port"));
        Assert.Equal("json", config.GetString("remoteio.host.log.format"));
    }

    [Theory]
    [InlineData("/tmp/my file.csv")]
    [InlineData("C:\\logs\\\"q\"\\n")]
    [InlineData("${remoteio.host.bind} # not a comment")]
    [InlineData("tab\tline\nreturn\rbell\u0007end\u001f")]
    [InlineData("ünïcödé ✓")]
    [InlineData("")]
    public void Quote_AnyText_ReadsBackAsTheSameString(string value)
    {
        var config = ConfigurationFactory.ParseString($"key = {HoconText.Quote(value)}");

        Assert.Equal(value, config.GetString("key"));
    }

    [Theory]
    [InlineData("--mode", "sometimes")]
    [InlineData("--gpio", "magic")]
    [InlineData("--port", "70000")]
    [InlineData("not-a-setting", null)]
    public void Parse_BadInput_IsAnErrorNamingIt(string first, string? second)
    {
        var root = HostCommandLine.Create((_, _) => Task.FromResult(0));

        var result = root.Parse(second is null ? [first] : [first, second]);

        Assert.NotEmpty(result.Errors);
        Assert.Contains(result.Errors, e => e.Message.Contains(second ?? first, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadConfig_ShippedHostConf_ListensOnTcpAndWritesTheTransitionLog()
    {
        var config = RemoteIoHost.LoadConfig(HostLaunchOptions.Default);

        var remote = RemoteSettings.FromConfig(config);
        Assert.True(remote.Tcp.Enabled);
        Assert.Equal(8509, remote.Tcp.Port);
        Assert.Equal("auto", HostSettings.FromConfig(config).Bind);
        Assert.Equal("remoteio-transitions.csv", GpioOptionsConfig.FromConfig(config).Simulation.TransitionLogPath);
    }

    [Fact]
    public void GpioOptionsConfig_Section_BindsEveryKey()
    {
        var config = ConfigurationFactory.ParseString("""
            remoteio.gpio {
              driver = chardev, chip = gpiochip4, dev-directory = /tmp/dev, consumer = lab, pwm-root = /tmp/pwm, pwm-chip = 2
              model = "Raspberry Pi 5 Model B", model-path = /tmp/model
              simulation { transition-log-capacity = 1024, transition-log-path = /tmp/t.csv }
              timing { thread-count = 2, spin-window = 50us, spin-budget = 0.25, thread-priority = below-normal, realtime-priority = 10, software-pwm-frequency = 1000, fade-step = 5ms }
            }
            """);

        var gpio = GpioOptionsConfig.FromConfig(config);

        Assert.Equal(GpioDriverKind.Chardev, gpio.Driver);
        Assert.Equal(("gpiochip4", "/tmp/dev", "lab", "/tmp/pwm", 2), (gpio.Chip, gpio.DevDirectory, gpio.Consumer, gpio.PwmRoot, gpio.PwmChip));
        Assert.Equal(("Raspberry Pi 5 Model B", "/tmp/model"), (gpio.Model, gpio.ModelPath));
        Assert.Equal((1024, "/tmp/t.csv"), (gpio.Simulation.TransitionLogCapacity, gpio.Simulation.TransitionLogPath));
        Assert.Equal(2, gpio.Timing.ThreadCount);
        Assert.Equal(TimeSpan.FromMicroseconds(50), gpio.Timing.SpinWindow);
        Assert.Equal(0.25, gpio.Timing.SpinBudget);
        Assert.Equal(ThreadPriority.BelowNormal, gpio.Timing.ThreadPriority);
        Assert.Equal(10, gpio.Timing.RealtimePriority);
        Assert.Equal(1000, gpio.Timing.SoftwarePwmFrequency);
        Assert.Equal(TimeSpan.FromMilliseconds(5), gpio.Timing.FadeStep);
    }

    [Theory]
    [InlineData("remoteio.gpio.driver = magic", "remoteio.gpio.driver")]
    [InlineData("remoteio.host.bind = \"\"", "remoteio.host.bind")]
    [InlineData("remoteio.host.log.format = xml", "remoteio.host.log.format")]
    [InlineData("remoteio.host.system-name = \"a b\"", "remoteio.host.system-name")]
    public void Settings_BadValue_FailsNamingTheKey(string hocon, string key)
    {
        var config = ConfigurationFactory.ParseString(hocon);

        var error = Assert.Throws<ConfigurationException>(() =>
        {
            _ = HostSettings.FromConfig(config);
            _ = GpioOptionsConfig.FromConfig(config);
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static HostLaunchOptions Parse(params string[] args)
    {
        var result = HostCommandLine.Create((_, _) => Task.FromResult(0)).Parse(args);
        Assert.Empty(result.Errors);
        return HostCommandLine.ToLaunchOptions(result);
    }
}
