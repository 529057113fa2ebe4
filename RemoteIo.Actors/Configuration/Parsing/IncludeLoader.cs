namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Finds, checks and parses included sources.</summary>
internal static class IncludeLoader
{
    /// <summary>
    /// Includes <paramref name="name"/> into <paramref name="target"/>: a missing source is ignored
    /// unless <paramref name="required"/>; cycles and runaway depth are errors.
    /// </summary>
    /// <param name="context">The shared document state.</param>
    /// <param name="name">The name written in the statement.</param>
    /// <param name="required">True for <c>include required(...)</c>.</param>
    /// <param name="includingFile">The file holding the statement, or null for text.</param>
    /// <param name="origin">Where the statement is.</param>
    /// <param name="target">The object the statement sits in.</param>
    /// <param name="targetPath">Its absolute path, or null inside a list.</param>
    /// <param name="targetDisplay">How messages name it.</param>
    public static void Include(
        ParseContext context,
        string name,
        bool required,
        string? includingFile,
        ConfigOrigin origin,
        ObjectNode target,
        string[]? targetPath,
        string targetDisplay)
    {
        var source = Resolve(context.Options, name, includingFile, origin);
        if (source is null)
        {
            if (required)
            {
                throw ConfigurationException.At(origin, $"required include \"{name}\" was not found{Where(context.Options, name, includingFile)}");
            }

            return;
        }

        var identity = Identity(source.Name);
        if (context.IncludeChain.Contains(identity, StringComparer.Ordinal))
        {
            var chain = string.Join(" -> ", context.IncludeChain.Append(identity).SkipWhile(file => file != identity));
            throw ConfigurationException.At(origin, $"include cycle: {chain}");
        }

        if (context.IncludeChain.Count >= ParseContext.MaxIncludeDepth)
        {
            throw ConfigurationException.At(origin, $"includes are nested more than {ParseContext.MaxIncludeDepth} levels deep");
        }

        context.IncludeChain.Add(identity);
        HoconParser.Parse(context, source.Text, source.Name, source.Name, target, targetPath, targetDisplay);
        context.IncludeChain.RemoveAt(context.IncludeChain.Count - 1);
    }

    /// <summary>
    /// The identity used to detect cycles: the full path for files (so <c>a/../b.conf</c> and
    /// <c>b.conf</c> are the same), the name itself for other sources.
    /// </summary>
    /// <param name="name">The source name.</param>
    /// <returns>Its identity.</returns>
    public static string Identity(string name)
    {
        try
        {
            return Path.GetFullPath(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return name;
        }
    }

    /// <summary>Asks the configured resolver, or reads a file relative to the including file or the base directory.</summary>
    private static ConfigIncludeSource? Resolve(ConfigParseOptions options, string name, string? includingFile, ConfigOrigin origin)
    {
        if (options.IncludeResolver is { } resolver)
        {
            return resolver(name, includingFile);
        }

        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            throw ConfigurationException.At(origin, $"invalid include file name \"{name}\"");
        }

        var path = FilePath(options, name, includingFile)
            ?? throw ConfigurationException.At(origin, $"cannot include \"{name}\" from text that has no directory: give a base directory (ConfigParseOptions.BaseDirectory) or an absolute path");
        var candidates = Path.HasExtension(name) ? [path] : new[] { path, path + ".conf" };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return new ConfigIncludeSource(candidate, ReadFile(candidate, origin));
            }
        }

        return null;
    }

    /// <summary>The file an include names: absolute as written, else next to the including file, else in the base directory.</summary>
    private static string? FilePath(ConfigParseOptions options, string name, string? includingFile)
    {
        if (Path.IsPathRooted(name))
        {
            return name;
        }

        var directory = includingFile is not null ? Path.GetDirectoryName(includingFile) ?? string.Empty : options.BaseDirectory;
        return directory is null ? null : Path.Combine(directory, name);
    }

    /// <summary>Where a missing include was looked for, for the error message.</summary>
    private static string Where(ConfigParseOptions options, string name, string? includingFile) =>
        options.IncludeResolver is null && FilePath(options, name, includingFile) is { } path ? $" (looked for {path})" : string.Empty;

    /// <summary>Reads a file, turning I/O failures into a configuration error at the include statement.</summary>
    private static string ReadFile(string path, ConfigOrigin origin)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{origin}: could not read included file {path}: {ex.Message}", origin, null, ex);
        }
    }
}
