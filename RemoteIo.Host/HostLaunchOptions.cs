namespace RemoteIo.Host;

/// <summary>
/// How to start a host: which configuration file, which command-line overrides, and (for
/// simulations and tests) which clock. Immutable; derive variants with the <c>WithX</c> methods.
/// </summary>
public sealed record HostLaunchOptions
{
    /// <summary>The options of a plain <c>remoteio-host</c> start: host.conf next to the binary, no overrides, the real clock.</summary>
    public static HostLaunchOptions Default { get; } = new();

    /// <summary>The configuration file shipped next to the binary: <c>hocon/host.conf</c>.</summary>
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "hocon", "host.conf");

    /// <summary>The configuration file layered over reference.conf.</summary>
    public string ConfigPath { get; init; } = DefaultConfigPath;

    /// <summary>HOCON snippets applied over the file, in order (later wins), e.g. <c>remoteio.remote.tcp.port = 9000</c>.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The clock of the actor system and the simulated GPIO; null for the real clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Returns a copy reading another configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The copy.</returns>
    public HostLaunchOptions WithConfigPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return this with { ConfigPath = path };
    }

    /// <summary>Returns a copy with more overrides appended (they win over earlier ones).</summary>
    /// <param name="overrides">HOCON snippets.</param>
    /// <returns>The copy.</returns>
    public HostLaunchOptions WithOverrides(params IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return this with { Overrides = [.. Overrides, .. overrides] };
    }

    /// <summary>Returns a copy running on another clock (a virtual one in simulations).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The copy.</returns>
    public HostLaunchOptions WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return this with { TimeProvider = timeProvider };
    }
}
