namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Flattens a resolved tree into <c>Microsoft.Extensions.Configuration</c> keys: path elements
/// joined with <c>:</c>, list elements as <c>key:0</c>, <c>key:1</c>, values as their text
/// (durations and sizes stay strings, as the binder cannot read <c>100ms</c>). HOCON's
/// kebab-case keys are also given without their dashes (<c>require-auth</c> as
/// <c>requireauth</c>), so they bind to PascalCase properties (<c>RequireAuth</c>) as the
/// binder matches names case-insensitively; a key the document spells that way itself wins.
/// </summary>
internal static class ConfigFlattener
{
    /// <summary>Flattens <paramref name="root"/>.</summary>
    /// <param name="root">The resolved root.</param>
    /// <returns>Key/value pairs; keys compare case-insensitively, as the configuration system does.</returns>
    public static Dictionary<string, string?> Flatten(ConfigObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root)
        {
            Add(data, key, value, static element => element);
        }

        var aliases = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root)
        {
            Add(aliases, WithoutDashes(key), value, WithoutDashes);
        }

        foreach (var (key, value) in aliases)
        {
            data.TryAdd(key, value);
        }

        return data;
    }

    /// <summary>A key without its dashes: <c>require-auth</c> becomes <c>requireauth</c>.</summary>
    private static string WithoutDashes(string key) => key.Contains('-', StringComparison.Ordinal) ? key.Replace("-", string.Empty, StringComparison.Ordinal) : key;

    /// <summary>Adds <paramref name="value"/> at <paramref name="key"/>; empty objects and lists become a null entry so their section exists, as with JSON.</summary>
    private static void Add(Dictionary<string, string?> data, string key, ConfigValue value, Func<string, string> element)
    {
        switch (value)
        {
            case ConfigObject { Count: 0 } or ConfigList { Count: 0 }:
                data[key] = null;
                break;
            case ConfigObject obj:
                foreach (var (childKey, child) in obj)
                {
                    Add(data, key + ":" + element(childKey), child, element);
                }

                break;
            case ConfigList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Add(data, key + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), list[i], element);
                }

                break;
            case ConfigScalar scalar:
                data[key] = scalar.Text;
                break;
            default:
                throw new InvalidOperationException($"unknown value type {value.GetType().Name}");
        }
    }
}
