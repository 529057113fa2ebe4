namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Finds the source an <c>include</c> statement names, for configuration that does not live in
/// plain files (embedded resources, a test's in-memory files).
/// </summary>
/// <param name="name">The name written in the include statement.</param>
/// <param name="includingSource">
/// The name of the source holding the statement (a file path, or the <see cref="ConfigIncludeSource.Name"/>
/// this resolver returned earlier); null for text that has no file.
/// </param>
/// <returns>The source, or null if there is none: a plain include is then ignored, a required one is an error.</returns>
public delegate ConfigIncludeSource? ConfigIncludeResolver(string name, string? includingSource);
