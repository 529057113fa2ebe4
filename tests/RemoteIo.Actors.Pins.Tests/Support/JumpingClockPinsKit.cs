using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio.Tests.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>
/// An actor system on a <see cref="JumpingClock"/> (virtual time that can jump inside a write, as a
/// stalled thread makes it), settled after every timer like the kit's own virtual clock, with the
/// claim and send steps of a pin test. The derived test starts its <see cref="Service"/> on <see cref="Jumping"/>.
/// </summary>
public abstract class JumpingClockPinsKit : ActorTestKit
{
    protected JumpingClockPinsKit(JumpingClock clock)
        : base(
            ActorSystemSettings.FromConfig(ConfigurationFactory.ParseString(
                "remoteio.actor.stdout-loglevel = off\nremoteio.actor.coordinated-shutdown.run-by-actor-system-terminate = off")).WithQuiescenceTracking(true),
            clock)
    {
        Jumping = clock;

        // The kit settles only a ManualTimeProvider it owns; this one sits under the jumping clock.
        clock.Inner.AddSettler(Settle);
    }

    /// <summary>The clock of the actor system and of everything the test starts on it.</summary>
    protected JumpingClock Jumping { get; }

    /// <summary>The pin domain under test.</summary>
    protected abstract PinService Service { get; }

    /// <summary>Claims <paramref name="gpio"/> as an output for <paramref name="client"/>.</summary>
    protected void Claim(TestProbe client, int gpio)
    {
        client.Send(Service.Supervisor, Cmd.Claim(Cmd.Gpio(gpio)));
        Jumping.Inner.Advance(TimeSpan.Zero);
        client.ExpectMsg<PinClaimed>();
    }

    /// <summary>Sends <paramref name="commands"/> and processes them at the current instant.</summary>
    protected void Send(TestProbe client, params PinCommand[] commands)
    {
        foreach (var command in commands)
        {
            client.Send(Service.Supervisor, command);
        }

        Jumping.Inner.Advance(TimeSpan.Zero);
    }
}
