namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// The value at <see cref="Path"/> inside a node that can only be navigated once resolved (a
/// substitution or merge stack met halfway down a self-reference's path).
/// </summary>
/// <param name="target">The node to resolve and look inside.</param>
/// <param name="path">The remaining path elements.</param>
internal sealed class PathLookupNode(Node target, string[] path) : Node(target.Origin)
{
    /// <summary>The node to resolve and look inside.</summary>
    public Node Target { get; } = target;

    /// <summary>The remaining path elements.</summary>
    public string[] Path { get; } = path;
}
