using System.Globalization;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Clients;

/// <summary>
/// The real pigpio Python module and gpiozero's PiGPIOFactory (Debian's packages) against the pigpio
/// endpoint on a loopback port, backed by the fake board; the board's transition log shows what the
/// clients really did to the pins.
/// </summary>
public sealed class PigpioClientTests : PigpioListenerTestBase
{
    [Fact]
    public async Task PigpioModule_Basics_ReadWriteModesPullPwmServoAndErrorCodes()
    {
        await PassAsync(Pigpio("basics", "--output", "17", "--input", "4"));

        Assert.Contains(Board.Log, e => e is { Gpio: 17, Kind: "pwm", Value: 100, Value2: 0.25 });
        Assert.Contains(Board.Log, e => e is { Gpio: 17, Kind: "servo", Value: 1500 });
        Assert.Contains(Board.Log, e => e is { Gpio: 4, Kind: "pull", Value: (int)PigpioPull.Up });
        Assert.DoesNotContain(Board.Log, e => e.Gpio == 60);
    }

    [Fact]
    public async Task PigpioModule_Callback_RisingAndFallingEdgesWithTheBoardsTicks()
    {
        await using var script = Pigpio("callback", "--input", "22");
        await script.WaitForLineAsync("READY");

        var beforeRise = Board.Tick;
        Board.DriveInput(22, true);
        var afterRise = Board.Tick;
        Board.DriveInput(22, false);
        var afterFall = Board.Tick;

        var output = await script.PassAsync();
        var edges = output.Split('\n').Single(l => l.StartsWith("EDGES ", StringComparison.Ordinal))[6..].Split(' ');
        var rise = uint.Parse(edges[0].Split(':')[1], CultureInfo.InvariantCulture);
        var fall = uint.Parse(edges[1].Split(':')[1], CultureInfo.InvariantCulture);
        Assert.Equal(("1", "0"), (edges[0].Split(':')[0], edges[1].Split(':')[0]));
        Assert.InRange(rise, beforeRise, afterRise);
        Assert.InRange(fall, afterRise, afterFall);
    }

    [Fact]
    public async Task PigpioModule_CallbackDrivenThroughWire_EdgesDelivered()
    {
        Board.Wire(20, 22);

        await PassAsync(Pigpio("callback", "--input", "22", "--drive", "20"));

        Assert.Equal([1, 0], Board.Log.Where(e => e is { Gpio: 20, Kind: "level" }).Select(e => (int)e.Value));
    }

    [Fact]
    public async Task PigpioModule_TwoClientsOneOutput_SecondGetsGpioInUse() =>
        await PassAsync(Pigpio("in-use", "--output", "17"));

    [Fact]
    public async Task Gpiozero_Led_OnOffBlinkReachThePin()
    {
        await PassAsync(Gpiozero("led", "--gpio", "17"));

        var levels = Board.Log.Where(e => e is { Gpio: 17, Kind: "level" }).Select(e => (int)e.Value).ToList();
        var firstOn = levels.IndexOf(1);
        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0], levels[firstOn..(firstOn + 8)]);
        Assert.False(Board.LevelOf(17));
    }

    [Fact]
    public async Task Gpiozero_PwmLed_ValueAndPulseAtHundredHertz()
    {
        await PassAsync(Gpiozero("pwmled", "--gpio", "18"));

        var pwm = Board.Log.Where(e => e is { Gpio: 18, Kind: "pwm" }).ToList();
        Assert.All(pwm, e => Assert.Equal(100, e.Value));
        var duties = pwm.Select(e => e.Value2).ToList();
        var quarter = duties.IndexOf(0.25);
        Assert.True(duties.IndexOf(0.5) is >= 0 and var half && half < quarter, $"duties: {string.Join(", ", duties)}");
        Assert.True(duties.Skip(quarter + 1).Max() >= 0.9, $"the pulse never faded in: {string.Join(", ", duties)}");
        Assert.Equal(0, duties[^1]);
    }

    [Fact]
    public async Task Gpiozero_Button_WhenPressedAndWhenReleasedFromTheWiredInput()
    {
        await using var script = Gpiozero("button", "--gpio", "4");
        await script.WaitForLineAsync("READY");

        Board.DriveInput(4, false);
        Board.DriveInput(4, true);

        await PassAsync(script);
        Assert.Contains(Board.Log, e => e is { Gpio: 4, Kind: "pull", Value: (int)PigpioPull.Up });
    }

    [Fact]
    public async Task Gpiozero_ButtonPressedThroughWire_HandlersRun()
    {
        Board.Wire(20, 4);

        await PassAsync(Gpiozero("button", "--gpio", "4", "--drive", "20"));

        Assert.Equal([1, 0, 1], Board.Log.Where(e => e is { Gpio: 20, Kind: "level" }).Select(e => (int)e.Value).Take(3));
    }

    [Fact]
    public async Task Gpiozero_Servo_FiftyHertzPulseWidthsOneToTwoMilliseconds()
    {
        await PassAsync(Gpiozero("servo", "--gpio", "12"));

        var pwm = Board.Log.Where(e => e is { Gpio: 12, Kind: "pwm" }).ToList();
        Assert.All(pwm, e => Assert.Equal(50, e.Value));
        // Duty × 20 ms frame: 1.5 ms (mid), 1 ms (min), 2 ms (max), 1.5 ms (mid).
        Assert.Equal([1.5, 1.0, 2.0, 1.5], pwm.Where(e => e.Value2 > 0).Select(e => Math.Round(e.Value2 * 20, 3)));
    }

    private PythonScript Pigpio(params string[] arguments)
    {
        PythonScript.Require(("pigpio", "python3-pigpio"));
        return PythonScript.Start("pigpio_check.py", [.. arguments, "--host", Endpoint.Address.ToString(), "--port", Endpoint.Port.ToString(CultureInfo.InvariantCulture)]);
    }

    private PythonScript Gpiozero(params string[] arguments)
    {
        PythonScript.Require(("pigpio", "python3-pigpio"), ("gpiozero", "python3-gpiozero"));
        return PythonScript.Start("gpiozero_check.py", [.. arguments, "--host", Endpoint.Address.ToString(), "--port", Endpoint.Port.ToString(CultureInfo.InvariantCulture)]);
    }

    private static async Task PassAsync(PythonScript script)
    {
        await using (script)
        {
            await script.PassAsync();
        }
    }
}
