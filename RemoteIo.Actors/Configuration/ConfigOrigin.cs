namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Where a configuration value or a parse error comes from: the source (a file path as it was
/// given, <c>&lt;string&gt;</c> for text, <c>environment variable NAME</c>, ...) and the 1-based
/// line and column. Errors quote it so a user can go straight to the offending character.
/// </summary>
/// <param name="SourceName">The file path as given, or a description of a non-file source.</param>
/// <param name="Line">1-based line; 0 when the source has no lines (an environment variable).</param>
/// <param name="Column">1-based column in UTF-16 code units; 0 when unknown.</param>
public sealed record ConfigOrigin(string SourceName, int Line, int Column)
{
    /// <summary>The origin of values built in code rather than read from text.</summary>
    public static ConfigOrigin Code { get; } = new("<code>", 0, 0);

    /// <summary>
    /// The long form used after a value in messages, e.g. <c>host.conf line 3, column 10</c>.
    /// </summary>
    public string Description => Line > 0 ? $"{SourceName} line {Line}, column {Column}" : SourceName;

    /// <summary>The compact form that prefixes parse errors, e.g. <c>host.conf:3:10</c>.</summary>
    /// <returns>The source name, line and column separated by colons (the source alone when it has no lines).</returns>
    public override string ToString() => Line > 0 ? $"{SourceName}:{Line}:{Column}" : SourceName;
}
