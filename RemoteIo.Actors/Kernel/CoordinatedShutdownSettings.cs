using System.Collections.Immutable;

namespace RemoteIo.Actors.Kernel;

/// <summary>How <see cref="CoordinatedShutdown"/> runs (HOCON <c>remoteio.actor.coordinated-shutdown</c>).</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>The defaults of <c>reference.conf</c>.</summary>
    public static CoordinatedShutdownSettings Default { get; } = new();

    /// <summary>How long a phase may take when it has no timeout of its own.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeouts, by phase name.</summary>
    public ImmutableDictionary<string, TimeSpan> PhaseTimeouts { get; init; } = ImmutableDictionary<string, TimeSpan>.Empty;

    /// <summary>Whether the last phase terminates the actor system.</summary>
    public bool TerminateActorSystem { get; init; } = true;

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs the coordinated shutdown (once it has been used).</summary>
    public bool RunByActorSystemTerminate { get; init; } = true;

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    /// <param name="phase">A phase name.</param>
    /// <returns>Its timeout, or <see cref="DefaultPhaseTimeout"/>.</returns>
    public TimeSpan TimeoutOf(string phase) => PhaseTimeouts.TryGetValue(phase, out var timeout) ? timeout : DefaultPhaseTimeout;

    /// <summary>Returns a copy with another default phase timeout.</summary>
    /// <param name="timeout">The timeout (positive).</param>
    /// <returns>The new settings.</returns>
    public CoordinatedShutdownSettings WithDefaultPhaseTimeout(TimeSpan timeout) => this with { DefaultPhaseTimeout = timeout };

    /// <summary>Returns a copy with a timeout for one phase.</summary>
    /// <param name="phase">The phase name.</param>
    /// <param name="timeout">The timeout (positive).</param>
    /// <returns>The new settings.</returns>
    public CoordinatedShutdownSettings WithPhaseTimeout(string phase, TimeSpan timeout) => this with { PhaseTimeouts = PhaseTimeouts.SetItem(phase, timeout) };
}
