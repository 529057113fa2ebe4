using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests;

/// <summary>Driver selection and the options' validation.</summary>
public sealed class GpioDriverFactoryTests : IDisposable
{
    /// <summary>A device directory the test controls.</summary>
    private readonly string _dev = Directory.CreateTempSubdirectory("remoteio-dev-").FullName;

    /// <summary>Log lines.</summary>
    private readonly List<string> _log = [];

    [Fact]
    public void Create_AutoWithoutGpiochip_SimulatedAndSaysWhy()
    {
        using var driver = GpioDriverFactory.Create(GpioOptions.Default.WithDevDirectory(_dev), TimeProvider.System, _log.Add);
        var simulated = Assert.IsType<SimulatedGpioDriver>(driver);
        Assert.Equal(54, simulated.LineCount);
        var line = Assert.Single(_log);
        Assert.Equal(
            $"GPIO driver: simulated pinctrl-bcm2835-sim (54 lines) — remoteio.gpio.driver = auto and there is no gpiochip in {_dev}; pins are simulated, no hardware is driven",
            line);
    }

    [Fact]
    public void Create_Simulated_UsesTheClockAndLogCapacity()
    {
        var clock = new TestKit.ManualTimeProvider();
        using var driver = GpioDriverFactory.Create(GpioOptions.Default.WithDriver(GpioDriverKind.Simulated).WithSimulation(GpioSimulationOptions.Default.WithTransitionLogCapacity(2)), clock, _log.Add);
        var chip = Assert.IsType<SimulatedGpioDriver>(driver).Chip;
        Assert.Same(clock, chip.Clock);
        using var controller = new GpioController(driver, ownsDriver: false);
        controller.OpenPin(20, PinMode.Output);
        for (var i = 0; i < 5; i++)
        {
            controller.Write(20, i % 2 == 0);
        }

        Assert.Equal(2, chip.Transitions().Count);
        Assert.Contains("remoteio.gpio.driver = simulated", _log.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ChardevWithoutChip_FailsClearlyInsteadOfSimulating()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => GpioDriverFactory.Create(GpioOptions.Default.WithDriver(GpioDriverKind.Chardev).WithDevDirectory(_dev), TimeProvider.System, _log.Add));
        Assert.Equal($"no GPIO chip (gpiochip*) in {_dev}", error.Message);
        Assert.Empty(_log);
    }

    [Fact]
    public void Create_AutoWithAnUnusableGpiochip_FailsClearlyInsteadOfSimulating()
    {
        File.WriteAllText(Path.Combine(_dev, "gpiochip0"), string.Empty);
        Assert.Throws<GpioNotFoundException>(() => GpioDriverFactory.Create(GpioOptions.Default.WithDevDirectory(_dev), TimeProvider.System, _log.Add));
        Assert.Empty(_log);
    }

    [Fact]
    public void Validate_BadSettings_NameTheHoconKey()
    {
        Assert.Contains("remoteio.gpio.driver", Assert.Throws<GpioInvalidArgumentException>(() => GpioOptions.Default.WithDriver((GpioDriverKind)9).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("remoteio.gpio.consumer", Assert.Throws<GpioInvalidArgumentException>(() => GpioOptions.Default.WithConsumer(new string('x', 32)).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("remoteio.gpio.pwm-chip", Assert.Throws<GpioInvalidArgumentException>(() => GpioOptions.Default.WithPwmChip(-2).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("transition-log-capacity", Assert.Throws<GpioInvalidArgumentException>(() => GpioOptions.Default.WithSimulation(GpioSimulationOptions.Default.WithTransitionLogCapacity(0)).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("remoteio.gpio.timing.thread-count", Assert.Throws<GpioInvalidArgumentException>(() => GpioOptions.Default.WithTiming(EdgeSchedulerOptions.Default.WithThreadCount(0)).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("spin-window", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithSpinWindow(TimeSpan.FromSeconds(1)).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("remoteio.gpio.timing.spin-budget", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithSpinBudget(1.5).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("spin-budget", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithSpinBudget(double.NaN).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("realtime-priority", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithRealtimePriority(100).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("software-pwm-frequency", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithSoftwarePwmFrequency(0).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("fade-step", Assert.Throws<GpioInvalidArgumentException>(() => EdgeSchedulerOptions.Default.WithFadeStep(TimeSpan.FromMilliseconds(-1)).Validate()).Message, StringComparison.Ordinal);
        GpioOptions.Default.Validate();
    }

    public void Dispose() => Directory.Delete(_dev, recursive: true);
}
