namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Several definitions of one key that cannot be merged until substitutions are resolved
/// (<c>a = ${base}</c> then <c>a { x = 1 }</c>). Resolution starts at the top: a non-object
/// wins outright and hides everything below; objects merge with the objects beneath them.
/// </summary>
/// <param name="entries">The definitions, oldest (lowest priority) first.</param>
/// <param name="origin">The newest definition.</param>
internal sealed class MergeStackNode(List<Node> entries, ConfigOrigin origin) : Node(origin)
{
    /// <summary>The definitions, oldest (lowest priority) first.</summary>
    public List<Node> Entries { get; } = entries;

    /// <inheritdoc />
    public override Node Snapshot() => new MergeStackNode([.. Entries.Select(entry => entry.Snapshot())], Origin);
}
