using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A resolved, immutable HOCON object: fields in the order they were first defined, so
/// <see cref="ConfigValue.ToString"/> renders a file back in its own order.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "ConfigObject is HOCON's (Typesafe config's) name for the type; it is a value first, a dictionary second.")]
public sealed class ConfigObject : ConfigValue, IReadOnlyDictionary<string, ConfigValue>
{
    /// <summary>The fields, owned by this object and never changed after construction.</summary>
    private readonly OrderedDictionary<string, ConfigValue> _fields;

    /// <summary>Creates an object that takes ownership of <paramref name="fields"/>.</summary>
    /// <param name="fields">The fields; the caller must not change the dictionary afterwards.</param>
    /// <param name="origin">Where the object was read (its first definition).</param>
    /// <param name="ignoresFallbacks">True when the object replaced a non-object, so nothing below it may merge in.</param>
    internal ConfigObject(OrderedDictionary<string, ConfigValue> fields, ConfigOrigin origin, bool ignoresFallbacks = false)
        : base(origin)
    {
        _fields = fields;
        IgnoresFallbacks = ignoresFallbacks;
    }

    /// <summary>An object without fields.</summary>
    internal static ConfigObject Empty { get; } = new([], ConfigOrigin.Code);

    /// <inheritdoc />
    public override ConfigValueType ValueType => ConfigValueType.Object;

    /// <summary>
    /// True when this object already replaced a non-object value (<c>a = null</c> then
    /// <c>a { ... }</c>): merging is pairwise, so objects further below can no longer merge in.
    /// This is how a file drops the defaults of a whole section.
    /// </summary>
    internal bool IgnoresFallbacks { get; }

    /// <inheritdoc />
    public int Count => _fields.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _fields.Keys;

    /// <inheritdoc />
    public IEnumerable<ConfigValue> Values => _fields.Values;

    /// <inheritdoc />
    public ConfigValue this[string key] => _fields[key];

    /// <inheritdoc />
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ConfigValue value) => _fields.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ConfigValue>> GetEnumerator() => _fields.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Merges two objects as HOCON merges duplicate keys: fields of <paramref name="top"/> win,
    /// except that two objects under the same key are merged recursively.
    /// </summary>
    /// <param name="top">The object whose fields take priority.</param>
    /// <param name="bottom">The fallback.</param>
    /// <returns>The merged object (one of the arguments when the other is empty).</returns>
    internal static ConfigObject Merge(ConfigObject top, ConfigObject bottom)
    {
        if (top.IgnoresFallbacks || bottom.Count == 0)
        {
            return top;
        }

        if (top.Count == 0)
        {
            return bottom;
        }

        var fields = new OrderedDictionary<string, ConfigValue>(bottom.Count + top.Count);
        foreach (var (key, lower) in bottom._fields)
        {
            fields[key] = top._fields.TryGetValue(key, out var upper) ? MergeValues(upper, lower) : lower;
        }

        foreach (var (key, upper) in top._fields)
        {
            fields.TryAdd(key, upper);
        }

        return new ConfigObject(fields, top.Origin, bottom.IgnoresFallbacks);
    }

    /// <summary>This object, marked as having replaced a non-object (see <see cref="IgnoresFallbacks"/>).</summary>
    /// <returns>The marked object.</returns>
    internal ConfigObject IgnoringFallbacks() => IgnoresFallbacks ? this : new ConfigObject(_fields, Origin, ignoresFallbacks: true);

    /// <summary>Merges one field: objects merge; an object over a non-object stops merging below; anything else on top wins outright.</summary>
    private static ConfigValue MergeValues(ConfigValue upper, ConfigValue lower) => (upper, lower) switch
    {
        (ConfigObject upperObject, ConfigObject lowerObject) => Merge(upperObject, lowerObject),
        (ConfigObject upperObject, _) => upperObject.IgnoringFallbacks(),
        _ => upper,
    };
}
