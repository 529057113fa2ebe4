namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Builds one document from layers read in order (reference.conf, then a file, then command-line
/// overrides): each layer merges over the previous ones exactly as later fields of one file
/// would, and substitutions are resolved once, against the merged whole. So a host file may
/// use <c>${remoteio.remote.port}</c> from reference.conf, and a reference default written as a
/// substitution follows a host override.
/// </summary>
internal sealed class DocumentBuilder
{
    /// <summary>The merged, unresolved document.</summary>
    private readonly ObjectNode _root = new(ConfigOrigin.Code);

    /// <summary>Options shared by every layer.</summary>
    private readonly ConfigParseOptions _options;

    /// <summary>State shared by every layer's parser.</summary>
    private readonly ParseContext _context;

    /// <summary>Creates an empty document.</summary>
    /// <param name="options">Include resolution and environment lookup for every layer.</param>
    public DocumentBuilder(ConfigParseOptions options)
    {
        _options = options;
        _context = new ParseContext(_root, options);
    }

    /// <summary>Adds a layer from text.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="sourceName">Its name in origins and errors.</param>
    /// <returns>This builder.</returns>
    public DocumentBuilder AddText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        HoconParser.Parse(_context, text, sourceName, null, _root, [], string.Empty);
        return this;
    }

    /// <summary>Adds a layer from a file; its includes are relative to it.</summary>
    /// <param name="path">The file path (as given, it names the file in errors).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public DocumentBuilder AddFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "it does not exist" : ex.Message;
            throw new ConfigurationException($"cannot read configuration file {path}: {reason}", ex);
        }

        var identity = IncludeLoader.Identity(path);
        _context.IncludeChain.Add(identity);
        HoconParser.Parse(_context, text, path, path, _root, [], string.Empty);
        _context.IncludeChain.RemoveAt(_context.IncludeChain.Count - 1);
        return this;
    }

    /// <summary>Resolves the substitutions of the merged document.</summary>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">An unresolved substitution, a cycle, or an invalid concatenation.</exception>
    public Config Build() => new(HoconResolver.ResolveRoot(_root, _options.EnvironmentLookup), []);
}
