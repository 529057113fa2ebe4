namespace RemoteIo.Actors.Configuration;

/// <summary>The text of an included source and the name it goes by.</summary>
/// <param name="Name">
/// The name used in origins and error messages, and handed back to the resolver as the
/// including source for the includes inside it (the default resolver uses it as a file path).
/// </param>
/// <param name="Text">The HOCON text.</param>
public sealed record ConfigIncludeSource(string Name, string Text);
