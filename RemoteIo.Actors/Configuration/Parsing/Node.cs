namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// A value as parsed, before substitutions are resolved. Objects and merge stacks change while a
/// document is read (later fields merge into them); every other node is immutable once built.
/// </summary>
/// <param name="origin">Where the node starts in the source.</param>
internal abstract class Node(ConfigOrigin origin)
{
    /// <summary>Where the node starts in the source.</summary>
    public ConfigOrigin Origin { get; } = origin;

    /// <summary>
    /// A copy that later merges cannot change: a self-reference keeps one as "the value before
    /// this definition". Immutable nodes return themselves.
    /// </summary>
    /// <returns>The frozen copy.</returns>
    public virtual Node Snapshot() => this;
}
