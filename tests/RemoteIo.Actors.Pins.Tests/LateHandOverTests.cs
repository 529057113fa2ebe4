using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Timing;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>
/// Wait mode when the timing path stalls: a write on another pin that takes 100 ms (the clock jumps
/// inside it; virtual time, no sleeps) makes the scheduler take the queued commands over late.
/// Every accepted command must still run, for its full duration, in order.
/// </summary>
public sealed class LateHandOverTests : JumpingClockPinsKit
{
    /// <summary>The pin running the queue.</summary>
    private const int Pin = 17;

    /// <summary>The pin whose write stalls.</summary>
    private const int Slow = 27;

    /// <summary>The simulated chip.</summary>
    private readonly SimulatedGpioChip _chip;


    public LateHandOverTests()
        : this(new JumpingClock(new ManualTimeProvider()))
    {
    }

    private LateHandOverTests(JumpingClock clock)
        : base(clock)
    {
        _chip = new SimulatedGpioChip(clock);
        Service = PinService.Start(Sys, new SimulatedGpioDriver(_chip));
    }

    /// <summary>The pin domain.</summary>
    protected override PinService Service { get; }

    [Fact]
    public void Wait_WriteOnAnotherPinTakes100MsDuringAQueue_EveryCommandRunsInFullInOrder()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        Claim(client, Slow);
        Service.Controller.AddEdgeListener(Slow, new StallOnFall(Jumping, TimeSpan.FromMilliseconds(100)));
        _chip.ClearTransitions();

        var commands = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Cmd.On(Pin, 20) : Cmd.Off(Pin, 20)).ToArray();
        Send(client, [Cmd.On(Slow, 15), .. commands]);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        // The running on() holds through the stall (15 → 115 ms); then each queued command starts when written.
        var edges = _chip.Transitions(Pin).Select(t => (t.TimestampNanoseconds / 1_000_000.0, t.Level.AsInt)).ToArray();
        Assert.Equal([(0.0, 1), (115.0, 0), (135.0, 1), (155.0, 0), (175.0, 1), (195.0, 0)], edges);
        var finals = client.ReceiveN(2 + (2 * commands.Length)).OfType<CommandOutcome>()
            .Where(o => o.Kind != OutcomeKind.Accepted && commands.Any(c => c.CommandId == o.CommandId)).ToList();
        Assert.Equal(commands.Select(c => c.CommandId), finals.Select(o => o.CommandId));
        Assert.All(finals, o => Assert.Equal(OutcomeKind.Completed, o.Kind));
        Assert.Equal((0L, 115_000_000L), (finals[0].StartedAtNs, finals[0].EndedAtNs));
        Assert.All(finals.Skip(1), o => Assert.Equal(20_000_000L, o.EndedAtNs - o.StartedAtNs));
        Assert.All(finals.Zip(finals.Skip(1)), p => Assert.Equal(p.First.EndedAtNs, p.Second.StartedAtNs));
        Assert.False(_chip.GetLevel(Pin).IsHigh);
    }

    /// <summary>Makes the first falling write of its line take <paramref name="stall"/> (the clock jumps inside the write).</summary>
    private sealed class StallOnFall(JumpingClock clock, TimeSpan stall) : IGpioEdgeListener
    {
        /// <summary>1 once the stall happened.</summary>
        private int _done;

        public void OnEdge(in GpioEdgeEvent edge)
        {
            if (edge.Kind == PinEventTypes.Falling && Interlocked.Exchange(ref _done, 1) == 0)
            {
                clock.Jump(stall);
            }
        }
    }
}
