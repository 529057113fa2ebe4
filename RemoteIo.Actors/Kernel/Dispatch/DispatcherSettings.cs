using RemoteIo.Actors.Configuration;

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// How one dispatcher runs its actors. Immutable; configured in HOCON under the dispatcher's id,
/// e.g. <c>remoteio.timing-dispatcher { type = ForkJoinDispatcher, throughput = 100,
/// dedicated-thread-pool { thread-count = 2, thread-priority = highest } }</c>.
/// </summary>
public sealed record DispatcherSettings
{
    /// <summary>The accepted <c>type</c> names.</summary>
    private static readonly (string, DispatcherType)[] TypeNames =
    [
        ("dispatcher", DispatcherType.Dispatcher),
        ("forkjoindispatcher", DispatcherType.ForkJoinDispatcher),
    ];

    /// <summary>The accepted <c>thread-priority</c> names.</summary>
    private static readonly (string, ThreadPriority)[] PriorityNames =
    [
        ("lowest", ThreadPriority.Lowest),
        ("belownormal", ThreadPriority.BelowNormal),
        ("normal", ThreadPriority.Normal),
        ("abovenormal", ThreadPriority.AboveNormal),
        ("highest", ThreadPriority.Highest),
    ];

    /// <summary>Backing field of <see cref="Throughput"/>.</summary>
    private readonly int _throughput = 30;

    /// <summary>Backing field of <see cref="ThreadCount"/>.</summary>
    private readonly int _threadCount = 1;

    /// <summary>Creates settings for the dispatcher <paramref name="id"/> with the defaults of <c>reference.conf</c>.</summary>
    /// <param name="id">The dispatcher's id: the configuration path <c>Props.WithDispatcher</c> names.</param>
    public DispatcherSettings(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The dispatcher's id (its configuration path).</summary>
    public string Id { get; }

    /// <summary>Thread pool or dedicated threads.</summary>
    public DispatcherType Type { get; init; } = DispatcherType.Dispatcher;

    /// <summary>
    /// How many user messages an actor may process before its thread moves on to another actor:
    /// higher is faster for busy actors, lower is fairer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int Throughput
    {
        get => _throughput;
        init => _throughput = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"Dispatcher [{Id}]: throughput must be at least 1.");
    }

    /// <summary>How many dedicated threads a <see cref="DispatcherType.ForkJoinDispatcher"/> runs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int ThreadCount
    {
        get => _threadCount;
        init => _threadCount = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"Dispatcher [{Id}]: dedicated-thread-pool.thread-count must be at least 1.");
    }

    /// <summary>The priority of the dedicated threads (honoured where the OS lets the process raise it).</summary>
    public ThreadPriority ThreadPriority { get; init; } = ThreadPriority.Normal;

    /// <summary>
    /// Reads a dispatcher section: <c>type</c> (Dispatcher or ForkJoinDispatcher, default
    /// Dispatcher), <c>throughput</c> (default 30) and, for dedicated threads,
    /// <c>dedicated-thread-pool { thread-count (default 2), thread-priority (default normal) }</c>.
    /// </summary>
    /// <param name="id">The dispatcher's id: the section's path, for error messages.</param>
    /// <param name="section">The section.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A value is invalid; the message names its full path and origin.</exception>
    public static DispatcherSettings FromConfig(string id, Config section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new DispatcherSettings(id)
        {
            Type = ConfigNames.Read(section, "type", id + ".type", TypeNames, DispatcherType.Dispatcher),
            Throughput = ConfigNames.ReadAtLeast(section, "throughput", id + ".throughput", 1, 30),
            ThreadCount = ConfigNames.ReadAtLeast(section, "dedicated-thread-pool.thread-count", id + ".dedicated-thread-pool.thread-count", 1, 2),
            ThreadPriority = ConfigNames.Read(section, "dedicated-thread-pool.thread-priority", id + ".dedicated-thread-pool.thread-priority", PriorityNames, ThreadPriority.Normal),
        };
    }

    /// <summary>Returns a copy with another dispatcher type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The new settings.</returns>
    public DispatcherSettings WithType(DispatcherType type) => this with { Type = type };

    /// <summary>Returns a copy with another throughput.</summary>
    /// <param name="throughput">Messages per actor turn, at least 1.</param>
    /// <returns>The new settings.</returns>
    public DispatcherSettings WithThroughput(int throughput) => this with { Throughput = throughput };

    /// <summary>Returns a copy with another dedicated thread count.</summary>
    /// <param name="threadCount">At least 1.</param>
    /// <returns>The new settings.</returns>
    public DispatcherSettings WithThreadCount(int threadCount) => this with { ThreadCount = threadCount };

    /// <summary>Returns a copy with another dedicated thread priority.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The new settings.</returns>
    public DispatcherSettings WithThreadPriority(ThreadPriority priority) => this with { ThreadPriority = priority };
}
