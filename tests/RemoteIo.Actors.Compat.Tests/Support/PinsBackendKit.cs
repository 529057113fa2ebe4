using Microsoft.Extensions.Logging.Abstractions;
using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>
/// The host's real pin domain on the simulated chip under virtual time, with the compatibility
/// backends over it: requests are real actor round trips, every edge lands in the chip's transition
/// log at its exact virtual time, and <see cref="AdvanceMs"/> moves time with every actor settled.
/// </summary>
public abstract class PinsBackendKit : ActorTestKit
{
    /// <summary>The tests stop the actor system without the pins' coordinated shutdown.</summary>
    private const string TestConfig = "remoteio.actor.coordinated-shutdown.run-by-actor-system-terminate = off";

    protected PinsBackendKit(string? hocon = null, PinsSettings? settings = null)
        : this(new ManualTimeProvider(), hocon, settings)
    {
    }

    private PinsBackendKit(ManualTimeProvider clock, string? hocon, PinsSettings? settings)
        : base(ConfigurationFactory.ParseString(TestConfig + "\n" + (hocon ?? string.Empty)), clock)
    {
        Chip = new SimulatedGpioChip(clock);
        Service = PinService.Start(Sys, new SimulatedGpioDriver(Chip), settings ?? PinsSettings.FromConfig(Sys.Settings.Config));
        Access = PinsAccess.From(Service, TimeSpan.FromSeconds(5), NullLogger.Instance);
    }

    internal PinsAccess Access { get; }

    protected PinService Service { get; }

    protected SimulatedGpioChip Chip { get; }

    /// <summary>Virtual nanoseconds since the kit started.</summary>
    protected long NowNs => Clock.ElapsedNanoseconds;

    protected void AdvanceMs(double ms) => Clock.Advance(TimeSpan.FromTicks((long)Math.Round(ms * 10_000)));

    /// <summary>The levels <paramref name="gpio"/> took since <paramref name="sinceNs"/>, as (ms since then, bit).</summary>
    protected IReadOnlyList<(double Ms, int Level)> Edges(int gpio, long sinceNs) =>
        [.. Chip.Transitions(gpio).Where(t => t.TimestampNanoseconds >= sinceNs).Select(t => ((t.TimestampNanoseconds - sinceNs) / 1e6, t.Level.IsHigh ? 1 : 0))];

    /// <summary>The owner the host shows for <paramref name="gpio"/>; empty when unclaimed.</summary>
    protected string OwnerOf(int gpio)
    {
        var probe = CreateTestProbe();
        probe.Send(Service.Supervisor, new GetPinStates { RequestId = 1 });
        Clock.Advance(TimeSpan.Zero);
        return probe.ExpectMsg<PinStates>().Pins.FirstOrDefault(p => p.Gpio == gpio)?.Owner ?? string.Empty;
    }

    /// <summary>The role a session holds <paramref name="gpio"/> in.</summary>
    protected ClaimRole? RoleOf(int gpio)
    {
        var probe = CreateTestProbe();
        probe.Send(Service.Supervisor, new GetPinStates { RequestId = 1 });
        Clock.Advance(TimeSpan.Zero);
        return probe.ExpectMsg<PinStates>().Pins.FirstOrDefault(p => p.Gpio == gpio && p.Owner.Length > 0)?.Role;
    }

    /// <summary>A backend call's answer, which needs no virtual time to pass (a safety net of 5 s real time against a hang).</summary>
    protected static Task<T> Answer<T>(ValueTask<T> pending) => pending.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
}
