namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>A list literal; its elements may still hold substitutions.</summary>
/// <param name="items">The elements in order.</param>
/// <param name="origin">The opening bracket.</param>
internal sealed class ListNode(IReadOnlyList<Node> items, ConfigOrigin origin) : Node(origin)
{
    /// <summary>The elements in order.</summary>
    public IReadOnlyList<Node> Items { get; } = items;
}
