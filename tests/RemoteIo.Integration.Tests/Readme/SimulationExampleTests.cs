using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Protocol;
using RemoteIo.ClientNode;
using RemoteIo.TestKit;

namespace RemoteIo.Integration.Tests.Readme;

// The README's TestKit simulation, verbatim: keep the two in step.
public sealed class SimulationExampleTests : ActorTestKit
{
    [Fact]
    public async Task ControlSequence_OnBoardPin7_ProducesTheExactEdgeTimeline()
    {
        // An in-process host: the simulated GPIO chip and the pin actors, on this kit's virtual clock.
        var chip = new SimulatedGpioChip(Clock);
        using var pins = PinService.Start(Sys, new SimulatedGpioDriver(chip));
        await using var server = await RemoteServer.ConnectAsync(Sys, pins.Supervisor);

        // The control sequence, exactly as it would drive a Raspberry Pi over the network.
        var lamp = await server.PinAsync(7, Numbering.Board);                   // GPIO 4
        lamp.On(TimeSpan.FromMilliseconds(2000));                              // a 2 s impulse
        lamp.Blink(TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        await lamp.Off().Accepted;                                             // wait mode: queued behind the blink

        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(
            [(0, PinValue.High), (2100, PinValue.Low), (2300, PinValue.High), (2400, PinValue.Low)],
            chip.Transitions(4).SkipWhile(t => t.Level == PinValue.Low).Select(t => (t.TimestampNanoseconds / 1_000_000, t.Level)));
    }
}
