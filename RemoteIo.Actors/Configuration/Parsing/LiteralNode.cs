namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>A value that needs no resolution: a scalar as written, or a value already resolved.</summary>
/// <param name="value">The value.</param>
internal sealed class LiteralNode(ConfigValue value) : Node(value.Origin)
{
    /// <summary>The value.</summary>
    public ConfigValue Value { get; } = value;
}
