using RemoteIo.Actors.Configuration;

namespace RemoteIo.Actors.Kernel;

/// <summary>How <see cref="CoordinatedShutdown"/> runs (HOCON <c>remoteio.actor.coordinated-shutdown</c>).</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>The shared empty <see cref="PhaseTimeouts"/> (one instance, so default settings compare equal as records; declared first, because static initializers run in order and Default below needs it).</summary>
    private static IReadOnlyDictionary<string, TimeSpan> NoPhaseTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>The defaults of <c>reference.conf</c>.</summary>
    public static CoordinatedShutdownSettings Default { get; } = new();

    /// <summary>How long a phase may take when it has no timeout of its own.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeouts, by phase name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts { get; init; } = NoPhaseTimeouts;

    /// <summary>Whether the last phase terminates the actor system.</summary>
    public bool TerminateActorSystem { get; init; } = true;

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs the coordinated shutdown (once it has been used).</summary>
    public bool RunByActorSystemTerminate { get; init; } = true;

    /// <summary>
    /// Reads <c>remoteio.actor.coordinated-shutdown</c>: <c>default-phase-timeout</c>,
    /// <c>terminate-actor-system</c>, <c>run-by-actor-system-terminate</c> and
    /// <c>phases.&lt;phase&gt;.timeout</c>.
    /// </summary>
    /// <param name="section">The section.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A value is invalid.</exception>
    public static CoordinatedShutdownSettings FromConfig(Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var defaultTimeout = section.GetTimeSpan("default-phase-timeout", Default.DefaultPhaseTimeout, allowInfinite: false);
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var phase in Kernel.CoordinatedShutdown.OrderedPhases)
        {
            var path = $"phases.\"{phase}\".timeout";
            if (section.HasPath(path))
            {
                timeouts[phase] = section.GetTimeSpan(path, allowInfinite: false);
            }
        }

        return new CoordinatedShutdownSettings
        {
            DefaultPhaseTimeout = defaultTimeout,
            PhaseTimeouts = timeouts,
            TerminateActorSystem = section.GetBoolean("terminate-actor-system", Default.TerminateActorSystem),
            RunByActorSystemTerminate = section.GetBoolean("run-by-actor-system-terminate", Default.RunByActorSystemTerminate),
        };
    }

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
    public CoordinatedShutdownSettings WithPhaseTimeout(string phase, TimeSpan timeout) =>
        this with { PhaseTimeouts = new Dictionary<string, TimeSpan>(PhaseTimeouts, StringComparer.Ordinal) { [phase] = timeout } };
}
