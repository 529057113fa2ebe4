using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RemoteIo.Actors.Configuration;

/// <summary>An ordered, immutable list of resolved values (HOCON's array).</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "ConfigList is HOCON's (Typesafe config's) name for the type; it is a value first, a collection second.")]
public sealed class ConfigList : ConfigValue, IReadOnlyList<ConfigValue>
{
    /// <summary>The elements, owned by this list and never changed after construction.</summary>
    private readonly ConfigValue[] _items;

    /// <summary>Creates a list that takes ownership of <paramref name="items"/>.</summary>
    /// <param name="items">The elements; the caller must not change the array afterwards.</param>
    /// <param name="origin">Where the list was read (its opening bracket).</param>
    internal ConfigList(ConfigValue[] items, ConfigOrigin origin)
        : base(origin)
    {
        _items = items;
    }

    /// <inheritdoc />
    public override ConfigValueType ValueType => ConfigValueType.List;

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public ConfigValue this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<ConfigValue> GetEnumerator() => ((IEnumerable<ConfigValue>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
