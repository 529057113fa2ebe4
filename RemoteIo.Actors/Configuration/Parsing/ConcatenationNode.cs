namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Values written next to each other on one line (<c>${base} "/bin"</c>, <c>${list} [4]</c>,
/// <c>${defaults} { x = 1 }</c>): joined as strings, appended as lists or merged as objects once
/// the substitutions among them are resolved.
/// </summary>
/// <param name="parts">The parts in order, including the whitespace between them.</param>
/// <param name="appendTo">For <c>key += value</c>, the key appended to (for a clearer error); null otherwise.</param>
internal sealed class ConcatenationNode(IReadOnlyList<Node> parts, string? appendTo = null) : Node(parts[0].Origin)
{
    /// <summary>The parts in order, including the whitespace between them.</summary>
    public IReadOnlyList<Node> Parts { get; } = parts;

    /// <summary>For <c>key += value</c>, the key appended to; null otherwise.</summary>
    public string? AppendTo { get; } = appendTo;
}
