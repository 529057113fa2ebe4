namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>, looked up in the whole merged document when it is resolved,
/// then in the environment.
/// </summary>
/// <param name="path">The path as written.</param>
/// <param name="includePrefix">
/// The path of the object an included file was included into: the spec "fixes up" the
/// substitutions of included files by trying <c>prefix.path</c> before <c>path</c>. Empty at top level.
/// </param>
/// <param name="optional">True for <c>${?path}</c>, which may be undefined.</param>
/// <param name="usedBy">The setting whose value holds the substitution, for error messages.</param>
/// <param name="origin">The <c>$</c>.</param>
internal sealed class SubstitutionNode(string[] path, string[] includePrefix, bool optional, string usedBy, ConfigOrigin origin)
    : Node(origin)
{
    /// <summary>The path as written.</summary>
    public string[] Path { get; } = path;

    /// <summary>The include location to try first (empty at top level).</summary>
    public string[] IncludePrefix { get; } = includePrefix;

    /// <summary>True for <c>${?path}</c>.</summary>
    public bool Optional { get; } = optional;

    /// <summary>The setting whose value holds the substitution.</summary>
    public string UsedBy { get; } = usedBy;

    /// <summary>The substitution as written, for messages.</summary>
    public string Display => (Optional ? "${?" : "${") + ConfigPath.Render(Path) + "}";
}
