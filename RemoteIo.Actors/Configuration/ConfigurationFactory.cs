using RemoteIo.Actors.Configuration.Parsing;


namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Reads HOCON configuration (Akka's <c>ConfigurationFactory</c>): from text, from files, the
/// embedded <c>reference.conf</c> with every documented default, and the layered load a host
/// or client uses (reference.conf ← its own file ← command-line overrides).
/// </summary>
public static class ConfigurationFactory
{
    /// <summary>The manifest resource name of the embedded hocon/reference.conf.</summary>
    private const string ReferenceResource = "RemoteIo.Actors.Configuration.reference.conf";

    /// <summary>The name reference.conf goes by in origins and errors.</summary>
    private const string ReferenceSourceName = "reference.conf";

    /// <summary>The parsed reference configuration, read once.</summary>
    private static readonly Lazy<Config> ReferenceConfig = new(() => new DocumentBuilder(ConfigParseOptions.Default).AddText(ReferenceText(), ReferenceSourceName).Build());

    /// <summary>A configuration without settings.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>Parses HOCON text; substitutions resolve within it (then the environment); relative includes are not allowed.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The text is invalid; the message names <c>&lt;string&gt;</c>, the line and column.</exception>
    public static Config ParseString(string text) => ParseString(text, ConfigParseOptions.Default);

    /// <summary>Parses HOCON text whose relative includes are found in <paramref name="baseDirectory"/>.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="baseDirectory">The directory relative includes are resolved against.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The text or an included file is invalid.</exception>
    public static Config ParseString(string text, string? baseDirectory) =>
        ParseString(text, ConfigParseOptions.Default.WithBaseDirectory(baseDirectory));

    /// <summary>Parses HOCON text whose includes are served by <paramref name="includeResolver"/> (embedded resources, in-memory files).</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="includeResolver">Finds included sources.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The text or an included source is invalid.</exception>
    public static Config ParseString(string text, ConfigIncludeResolver includeResolver) =>
        ParseString(text, ConfigParseOptions.Default.WithIncludeResolver(includeResolver));

    /// <summary>Parses HOCON text with explicit options (source name, includes, environment).</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The text or an included source is invalid.</exception>
    public static Config ParseString(string text, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DocumentBuilder(options).AddText(text, options.SourceName).Build();
    }

    /// <summary>Parses a HOCON file; relative includes are resolved next to it.</summary>
    /// <param name="path">The file path (errors name it as given).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static Config ParseFile(string path) => ParseFile(path, ConfigParseOptions.Default);

    /// <summary>Parses a HOCON file with explicit options (includes, environment).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">How to read it (its source name is the path).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static Config ParseFile(string path, ConfigParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DocumentBuilder(options).AddFile(path).Build();
    }

    /// <summary>
    /// The reference configuration (hocon/reference.conf, embedded in this assembly): every
    /// default of every layer, documented. Parsed once.
    /// </summary>
    /// <returns>The reference configuration.</returns>
    public static Config Reference() => ReferenceConfig.Value;

    /// <summary>The text of the embedded hocon/reference.conf.</summary>
    /// <returns>The HOCON text.</returns>
    public static string ReferenceText()
    {
        using var stream = typeof(ConfigurationFactory).Assembly.GetManifestResourceStream(ReferenceResource)
            ?? throw new InvalidOperationException($"the embedded resource {ReferenceResource} is missing from {typeof(ConfigurationFactory).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A configuration file layered over reference.conf (see <see cref="Load(string, IEnumerable{string})"/>).</summary>
    /// <param name="path">The file (host.conf, client.conf, ...).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public static Config Load(string path) => Load(path, []);

    /// <summary>
    /// The layered configuration: reference.conf, then <paramref name="path"/>, then each of
    /// <paramref name="overrides"/> (HOCON text such as <c>remoteio.remote.port = 9000</c>, from
    /// the command line), later layers winning. The layers form one document, so substitutions
    /// see every layer: <c>${remoteio.remote.port}</c> in host.conf finds the reference default,
    /// and <c>path = ${path} x</c> extends the value of the layer below.
    /// </summary>
    /// <param name="path">The file (host.conf, client.conf, ...).</param>
    /// <param name="overrides">HOCON snippets applied last, in order.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing, or a layer is invalid.</exception>
    public static Config Load(string path, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = new DocumentBuilder(ConfigParseOptions.Default).AddText(ReferenceText(), ReferenceSourceName).AddFile(path);
        var index = 0;
        foreach (var text in overrides)
        {
            builder.AddText(text, $"<override {++index}>");
        }

        return builder.Build();
    }
}
