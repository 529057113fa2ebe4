using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Contract;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests;

/// <summary>What the controller checks before any driver call, and the value types.</summary>
public sealed class GpioControllerTests : IDisposable
{
    /// <summary>A controller on a fresh simulated chip.</summary>
    private readonly GpioController _controller = new(new SimulatedGpioDriver());

    [Theory]
    [InlineData("")]
    [InlineData("a label that is far too long for the kernel")]
    [InlineData("tab\there")]
    [InlineData("café")]
    public void Create_BadConsumerLabel_Refused(string consumer)
    {
        using var driver = new SimulatedGpioDriver();
        if (consumer.Length == 0)
        {
            using var ok = new GpioController(driver, consumer, ownsDriver: false);
            return;
        }

        var error = Assert.Throws<GpioInvalidArgumentException>(() => new GpioController(driver, consumer, ownsDriver: false));
        Assert.Contains("must be at most 31 printable ASCII characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenLines_RepeatedLine_RefusedAndNothingOpened()
    {
        var error = Assert.Throws<GpioInvalidArgumentException>(() => _controller.OpenLines([5, 6, 5], LineSettings.Output));
        Assert.Equal("line 5 appears twice in one request", error.Message);
        Assert.False(_controller.IsPinOpen(5));
        Assert.False(_controller.GetLineInfo(6).InUse);
    }

    [Fact]
    public void Write_RepeatedLineInOneWrite_RefusedAndNothingWritten()
    {
        _controller.OpenLines([5, 6], LineSettings.Output);
        Assert.Throws<GpioInvalidArgumentException>(() => _controller.Write([new PinValuePair(5, PinValue.High), new PinValuePair(5, PinValue.Low)]));
        Assert.Equal(PinValue.Low, _controller.Read(5));
    }

    [Theory]
    [InlineData(PinEventTypes.Rising, LineDirection.Output, "edge detection is only available on inputs")]
    public void Validate_InconsistentSettings_ExplainWhy(PinEventTypes edges, LineDirection direction, string message)
    {
        var settings = LineSettings.Input.WithDirection(direction).WithEdgeDetection(edges);
        Assert.Equal(message, Assert.Throws<GpioInvalidArgumentException>(settings.Validate).Message);
        Assert.Equal("debounce is only available on inputs", Assert.Throws<GpioInvalidArgumentException>(LineSettings.Output.WithDebounce(TimeSpan.FromMilliseconds(1)).Validate).Message);
        Assert.Equal("open-drain and open-source drive are only available on outputs", Assert.Throws<GpioInvalidArgumentException>(LineSettings.Input.WithDrive(LineDrive.OpenDrain).Validate).Message);
        Assert.Throws<GpioInvalidArgumentException>(LineSettings.Input.WithDebounce(TimeSpan.FromMicroseconds(-1)).Validate);
        Assert.Throws<GpioInvalidArgumentException>(() => LineSettings.For((PinMode)42));
    }

    [Fact]
    public void ClosePin_WithListener_ListenerGetsNothingAfterwards()
    {
        var driver = (SimulatedGpioDriver)_controller.Driver;
        _controller.OpenLine(7, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        var listener = new RecordingEdgeListener();
        _controller.AddEdgeListener(7, listener);
        driver.Chip.DriveExternal(7, PinValue.Low);
        _controller.ClosePin(7);
        _controller.OpenLine(7, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        driver.Chip.DriveExternal(7, PinValue.High);
        Assert.Single(listener.Events);
    }

    [Fact]
    public void RemoveEdgeListener_Registered_StopsDelivery()
    {
        var chip = ((SimulatedGpioDriver)_controller.Driver).Chip;
        _controller.OpenLine(8, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        var kept = new RecordingEdgeListener();
        var removed = new RecordingEdgeListener();
        _controller.AddEdgeListener(8, kept);
        _controller.AddEdgeListener(8, removed);
        chip.DriveExternal(8, PinValue.Low);
        _controller.RemoveEdgeListener(8, removed);
        chip.DriveExternal(8, PinValue.High);
        Assert.Equal(2, kept.Events.Count);
        Assert.Single(removed.Events);
    }

    [Fact]
    public void PinValue_Conversions_FollowTheCConvention()
    {
        Assert.Equal(PinValue.High, (PinValue)1);
        Assert.Equal(PinValue.High, (PinValue)7);
        Assert.Equal(PinValue.Low, (PinValue)0);
        Assert.Equal(PinValue.High, (PinValue)true);
        Assert.Equal(PinValue.Low, default);
        Assert.Equal(PinValue.Low, !PinValue.High);
        Assert.Equal(1, (int)PinValue.High);
        Assert.True((bool)PinValue.High);
        Assert.Equal("High", PinValue.High.ToString());
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndLaterCallsAreRefused()
    {
        _controller.OpenPin(4, PinMode.Output);
        _controller.Dispose();
        _controller.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _controller.OpenPin(5, PinMode.Output));
    }

    public void Dispose() => _controller.Dispose();
}
