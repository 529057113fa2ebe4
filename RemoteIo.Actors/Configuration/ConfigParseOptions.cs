namespace RemoteIo.Actors.Configuration;

/// <summary>
/// How a document is read: what its source is called in error messages, where relative
/// includes are found, and where substitutions that the document does not define are looked up.
/// </summary>
public sealed record ConfigParseOptions
{
    /// <summary>The defaults: text called <c>&lt;string&gt;</c>, no base directory, the process environment.</summary>
    public static ConfigParseOptions Default { get; } = new();

    /// <summary>The name origins and errors give the text (default <c>&lt;string&gt;</c>).</summary>
    public string SourceName { get; init; } = "<string>";

    /// <summary>
    /// The directory relative includes in text are resolved against. Null means text cannot
    /// include relative paths (the spec forbids guessing with the working directory).
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Finds included sources; null means plain files (relative to the including file or <see cref="BaseDirectory"/>).</summary>
    public ConfigIncludeResolver? IncludeResolver { get; init; }

    /// <summary>
    /// Looks up a substitution the document does not define (<c>${?HOME}</c>); the process
    /// environment by default. Tests replace it to stay independent of the machine.
    /// </summary>
    public Func<string, string?> EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Returns a copy with another source name.</summary>
    /// <param name="sourceName">The name for origins and errors.</param>
    /// <returns>The changed options.</returns>
    public ConfigParseOptions WithSourceName(string sourceName) => this with { SourceName = sourceName };

    /// <summary>Returns a copy with another base directory for relative includes.</summary>
    /// <param name="baseDirectory">The directory, or null for none.</param>
    /// <returns>The changed options.</returns>
    public ConfigParseOptions WithBaseDirectory(string? baseDirectory) => this with { BaseDirectory = baseDirectory };

    /// <summary>Returns a copy with another include resolver.</summary>
    /// <param name="includeResolver">The resolver, or null for plain files.</param>
    /// <returns>The changed options.</returns>
    public ConfigParseOptions WithIncludeResolver(ConfigIncludeResolver? includeResolver) => this with { IncludeResolver = includeResolver };

    /// <summary>Returns a copy that looks up undefined substitutions with <paramref name="lookup"/>.</summary>
    /// <param name="lookup">Name to value, null when undefined.</param>
    /// <returns>The changed options.</returns>
    public ConfigParseOptions WithEnvironment(Func<string, string?> lookup) => this with { EnvironmentLookup = lookup };
}
