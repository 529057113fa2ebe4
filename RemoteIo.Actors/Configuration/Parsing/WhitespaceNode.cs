namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Whitespace between two parts of a value concatenation: kept between strings, ignored between lists or objects.</summary>
/// <param name="text">The whitespace as written.</param>
/// <param name="origin">Where it starts.</param>
internal sealed class WhitespaceNode(string text, ConfigOrigin origin) : Node(origin)
{
    /// <summary>The whitespace as written.</summary>
    public string Text { get; } = text;
}
