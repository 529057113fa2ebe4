namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A resolved HOCON value: an object, a list or a scalar, with the place it was read from.
/// Values are immutable and may be shared between several places of a tree (a substitution
/// copies by reference).
/// </summary>
/// <remarks>
/// The constructor is internal: the three kinds (<see cref="ConfigObject"/>, <see cref="ConfigList"/>,
/// <see cref="ConfigScalar"/>) are the whole JSON type system, so nobody outside needs a fourth.
/// </remarks>
public abstract class ConfigValue
{
    /// <summary>Creates a value read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the value was read.</param>
    private protected ConfigValue(ConfigOrigin origin)
    {
        Origin = origin;
    }

    /// <summary>Where the value was read (file, line, column), quoted by error messages.</summary>
    public ConfigOrigin Origin { get; }

    /// <summary>The JSON type of the value.</summary>
    public abstract ConfigValueType ValueType { get; }

    /// <summary>Renders the value as HOCON text that parses back to an equal value.</summary>
    /// <returns>HOCON text: scalars as literals, lists in brackets, objects in braces.</returns>
    public override string ToString() => Parsing.HoconRenderer.Render(this);
}
