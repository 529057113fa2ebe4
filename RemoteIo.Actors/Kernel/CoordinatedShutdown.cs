using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Runs shutdown work in ordered phases, once: stop accepting work, drain, put things in a safe
/// state, then terminate the actor system. Tasks of one phase run concurrently; a phase that
/// exceeds its timeout (or whose task fails) is logged and the next phase starts anyway. Get it
/// with <see cref="Get"/>; once it exists, <see cref="ActorSystem.Terminate"/> runs it.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Phase 1: before endpoints stop listening.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Phase 2: stop accepting new connections and requests.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Phase 3: wait for the requests in progress to finish (drain).</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Phase 4: stop services (put outputs in their safe state).</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Phase 5: last work that needs the actors.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Phase 6: the actor system terminates.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>The phases in the order they run.</summary>
    private static readonly string[] Phases =
    [
        PhaseBeforeServiceUnbind,
        PhaseServiceUnbind,
        PhaseServiceRequestsDone,
        PhaseServiceStop,
        PhaseBeforeActorSystemTerminate,
        PhaseActorSystemTerminate,
    ];

    /// <summary>The actor system being shut down.</summary>
    private readonly ActorSystem _system;

    /// <summary>Logs phases, timeouts and failures.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>Guards the task lists and the run state.</summary>
    private readonly Lock _gate = new();

    /// <summary>Registered tasks per phase index.</summary>
    private readonly List<(string Name, Func<Task> Run)>[] _tasks = [.. Phases.Select(_ => new List<(string, Func<Task>)>())];

    /// <summary>The run, once started.</summary>
    private Task? _run;

    /// <summary>Index of the phase running now; -1 before the run.</summary>
    private int _currentPhase = -1;

    /// <summary>Only <see cref="Get"/> creates it.</summary>
    private CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        _log = system.CreateLogger(system.Name + "/coordinated-shutdown", typeof(CoordinatedShutdown));
    }

    /// <summary>The phases in the order they run.</summary>
    public static IReadOnlyList<string> OrderedPhases => Phases;

    /// <summary>Why the shutdown runs, once it does.</summary>
    public ShutdownReason? Reason { get; private set; }

    /// <summary>Returns the system's coordinated shutdown, creating it on first use.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>Its coordinated shutdown.</returns>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new CoordinatedShutdown(s));
    }

    /// <summary>Adds a task to a phase.</summary>
    /// <param name="phase">One of <see cref="OrderedPhases"/>.</param>
    /// <param name="taskName">A name for the logs.</param>
    /// <param name="task">Starts the work; the phase waits for the returned task (up to its timeout).</param>
    /// <exception cref="ArgumentException">Unknown phase or empty name.</exception>
    /// <exception cref="InvalidOperationException">The phase has already started.</exception>
    public void AddTask(string phase, string taskName, Func<Task> task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        var index = Array.IndexOf(Phases, phase);
        if (index < 0)
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase [{phase}]; the phases are: {string.Join(", ", Phases)}.", nameof(phase));
        }

        lock (_gate)
        {
            if (index <= _currentPhase)
            {
                throw new InvalidOperationException($"Cannot add task [{taskName}] to phase [{phase}]: the phase has already started.");
            }

            _tasks[index].Add((taskName, task));
        }
    }

    /// <summary>Runs the phases (once; later calls return the same task).</summary>
    /// <param name="reason">Why.</param>
    /// <returns>Completes when the last phase has finished.</returns>
    public Task Run(ShutdownReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                Reason = reason;
                _run = Task.Run(RunPhasesAsync);
            }

            return _run;
        }
    }

    /// <summary>Runs each phase in turn.</summary>
    private async Task RunPhasesAsync()
    {
        _log.Info("Coordinated shutdown of {0} started: {1}.", _system.Name, Reason!.Description);
        for (var index = 0; index < Phases.Length; index++)
        {
            List<(string Name, Func<Task> Run)> tasks;
            lock (_gate)
            {
                _currentPhase = index;
                tasks = [.. _tasks[index]];
            }

            if (index == Phases.Length - 1 && _system.Settings.CoordinatedShutdown.TerminateActorSystem)
            {
                tasks.Add(("terminate-actor-system", TerminateSystem));
            }

            await RunPhaseAsync(Phases[index], tasks);
        }
    }

    /// <summary>Runs one phase's tasks concurrently, bounded by the phase timeout.</summary>
    private async Task RunPhaseAsync(string phase, List<(string Name, Func<Task> Run)> tasks)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        var timeout = _system.Settings.CoordinatedShutdown.TimeoutOf(phase);
        var all = Task.WhenAll(tasks.Select(t => RunTaskAsync(phase, t.Name, t.Run)));
        using var cancelDelay = new CancellationTokenSource();
        var finished = await Task.WhenAny(all, Task.Delay(timeout, _system.TimeProvider, cancelDelay.Token));
        await cancelDelay.CancelAsync();
        if (finished != all)
        {
            _log.Warning("Coordinated shutdown phase [{0}] timed out after {1}; continuing with the next phase.", phase, timeout);
        }
    }

    /// <summary>Runs one task; a failure is logged, never propagated.</summary>
    private async Task RunTaskAsync(string phase, string name, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception e)
        {
            _log.Warning(e, "Coordinated shutdown task [{0}] in phase [{1}] failed: {2}", name, phase, e.Message);
        }
    }

    /// <summary>The built-in last task: stop the actor tree and wait for it.</summary>
    private Task TerminateSystem()
    {
        _system.FinalTerminate();
        return _system.WhenTerminated;
    }
}
