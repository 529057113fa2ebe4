namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>An object as parsed so far; later fields with the same keys merge into it.</summary>
/// <param name="origin">The opening brace or first key.</param>
internal sealed class ObjectNode(ConfigOrigin origin) : Node(origin)
{
    /// <summary>The fields in the order they were first defined.</summary>
    public OrderedDictionary<string, Node> Fields { get; } = [];

    /// <summary>True once this object replaced a non-object value: objects below it may no longer merge in.</summary>
    public bool IgnoresFallbacks { get; set; }

    /// <inheritdoc />
    public override Node Snapshot()
    {
        var copy = new ObjectNode(Origin) { IgnoresFallbacks = IgnoresFallbacks };
        foreach (var (key, value) in Fields)
        {
            copy.Fields.Add(key, value.Snapshot());
        }

        return copy;
    }
}
