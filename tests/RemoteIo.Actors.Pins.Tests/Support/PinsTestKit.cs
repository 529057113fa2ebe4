using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>
/// A host's pin domain on the simulated chip under virtual time: the actor system, the chip and
/// the edge scheduler all run on the kit's ManualTimeProvider, so a transition log shows exact
/// virtual times. Commands sent from the test are processed at the current instant by
/// <see cref="Flush"/>; <see cref="AdvanceMs"/> moves time, settling every actor after each edge.
/// </summary>
public abstract class PinsTestKit : ActorTestKit
{
    /// <summary>The tests stop the actor system without the pins' coordinated shutdown unless they run it themselves.</summary>
    private const string TestConfig = "remoteio.actor.coordinated-shutdown.run-by-actor-system-terminate = off";

    /// <param name="settings">The pins' settings; null reads the kit's configuration.</param>
    /// <param name="driver">The GPIO driver over a simulated chip; null for a plain simulated one.</param>
    /// <param name="hocon">Configuration on top of the kit's.</param>
    /// <param name="gpio">The GPIO layer's settings (board model, PWM root) for hardware PWM; null for the defaults.</param>
    /// <param name="pwm">The sysfs/debugfs files of hardware PWM; null for the machine's.</param>
    protected PinsTestKit(
        PinsSettings? settings = null,
        Func<ManualTimeProvider, GpioDriver>? driver = null,
        string? hocon = null,
        GpioOptions? gpio = null,
        Func<ManualTimeProvider, PwmFileSystem>? pwm = null)
        : this(new ManualTimeProvider(), settings, driver, hocon, gpio, pwm)
    {
    }

    private PinsTestKit(ManualTimeProvider clock, PinsSettings? settings, Func<ManualTimeProvider, GpioDriver>? driver, string? hocon, GpioOptions? gpio, Func<ManualTimeProvider, PwmFileSystem>? pwm)
        : base(ConfigurationFactory.ParseString(TestConfig + "\n" + (hocon ?? string.Empty)), clock)
    {
        Driver = driver?.Invoke(clock) ?? new SimulatedGpioDriver(new SimulatedGpioChip(clock));
        Simulated = Driver switch
        {
            SimulatedGpioDriver simulated => simulated,
            FaultyGpioDriver faulty => faulty.Inner,
            _ => throw new ArgumentException("the kit needs a simulated chip underneath", nameof(driver)),
        };
        PwmFiles = pwm?.Invoke(clock);
        Service = PinService.Start(Sys, Driver, settings ?? PinsSettings.FromConfig(Sys.Settings.Config), gpio: gpio, pwmFileSystem: PwmFiles);
        Pins = Service.Supervisor;
    }

    protected PinService Service { get; }

    protected IActorRef Pins { get; }

    protected GpioDriver Driver { get; }

    /// <summary>The hardware PWM files the service was given, if any.</summary>
    protected PwmFileSystem? PwmFiles { get; }

    protected SimulatedGpioDriver Simulated { get; }

    protected SimulatedGpioChip Chip => Simulated.Chip;

    /// <summary>Virtual milliseconds since the kit started.</summary>
    protected double NowMs => Clock.ElapsedNanoseconds / 1e6;

    /// <summary>Processes everything sent so far at the current instant.</summary>
    protected void Flush() => Clock.Advance(TimeSpan.Zero);

    protected void AdvanceMs(double ms) => Clock.Advance(TimeSpan.FromTicks((long)Math.Round(ms * 10_000)));

    /// <summary>A client: a probe that claims pins and sends commands as one session.</summary>
    protected TestProbe Client(string? name = null) => CreateTestProbe(name);

    protected PinClaimed ClaimOutput(TestProbe client, int gpio)
    {
        client.Send(Pins, Cmd.Claim(Cmd.Gpio(gpio)));
        Flush();
        return client.ExpectMsg<PinClaimed>();
    }

    protected void OpenSession(TestProbe client, Mode mode, string name = "")
    {
        client.Send(Pins, new OpenSession { RequestId = Cmd.NextId(), ClientName = name, Mode = mode });
        Flush();
        client.ExpectMsg<SessionOpened>(o => o.Mode == mode);
    }

    protected void Send(TestProbe client, params PinCommand[] commands)
    {
        foreach (var command in commands)
        {
            client.Send(Pins, command);
        }

        Flush();
    }

    protected static CommandOutcome ExpectOutcome(TestProbe client, PinCommand command, OutcomeKind kind, string? hint = null) =>
        client.ExpectMsg<CommandOutcome>(o => o.CommandId == command.CommandId && o.Kind == kind, hint: hint ?? $"{kind} of #{command.CommandId} ({command.ActionCase})");

    protected static void ExpectAccepted(TestProbe client, params PinCommand[] commands)
    {
        foreach (var command in commands)
        {
            ExpectOutcome(client, command, OutcomeKind.Accepted);
        }
    }

    /// <summary>The line's physical level changes since the log was last cleared, as (ms, high).</summary>
    protected IReadOnlyList<(double Ms, bool High)> Edges(int gpio) =>
        Chip.Transitions(gpio).Select(t => (t.TimestampNanoseconds / 1e6, t.Level.IsHigh)).ToList();

    /// <summary>A timeline of alternating levels starting high at <paramref name="fromMs"/>: high for <paramref name="highMs"/>, low for <paramref name="lowMs"/>, until <paramref name="untilMs"/>.</summary>
    protected static List<(double Ms, bool High)> SquareWave(double fromMs, double untilMs, double highMs, double lowMs)
    {
        var edges = new List<(double, bool)>();
        for (var t = fromMs; t < untilMs - 1e-9; t += highMs + lowMs)
        {
            edges.Add((t, true));
            if (t + highMs < untilMs - 1e-9)
            {
                edges.Add((t + highMs, false));
            }
        }

        return edges;
    }

    protected static void AssertTimeline(IEnumerable<(double Ms, bool High)> expected, IReadOnlyList<(double Ms, bool High)> actual)
    {
        var want = expected.Select(e => $"{e.Ms:0.###}ms {(e.High ? "high" : "low")}").ToList();
        var got = actual.Select(e => $"{e.Ms:0.###}ms {(e.High ? "high" : "low")}").ToList();
        Assert.Equal(want, got);
    }
}
