namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A string, number, boolean or null. The text is kept exactly as written (a number stays
/// <c>1e3</c>, a duration stays <c>100ms</c>); typed getters convert it on demand, which is how
/// HOCON lets <c>"42"</c> be read as an integer and <c>on</c> as a boolean.
/// </summary>
public sealed class ConfigScalar : ConfigValue
{
    /// <summary>The value's type (string, number, boolean or null).</summary>
    private readonly ConfigValueType _type;

    /// <summary>Creates a scalar; the type must be a scalar type and the text present unless it is null.</summary>
    /// <param name="type">String, Number, Boolean or Null.</param>
    /// <param name="text">The text as written; null only for <see cref="ConfigValueType.Null"/>.</param>
    /// <param name="origin">Where it was read.</param>
    internal ConfigScalar(ConfigValueType type, string? text, ConfigOrigin origin)
        : base(origin)
    {
        _type = type;
        Text = text;
    }

    /// <inheritdoc />
    public override ConfigValueType ValueType => _type;

    /// <summary>The text as written (without quotes); <see langword="null"/> for a null value.</summary>
    public string? Text { get; }

    /// <summary>True for the literal <c>null</c>.</summary>
    public bool IsNull => _type == ConfigValueType.Null;
}
