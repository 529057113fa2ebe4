using System.Diagnostics.CodeAnalysis;
using RemoteIo.Actors.Configuration.Parsing;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A resolved, immutable configuration tree with Akka's accessors: typed getters by path
/// (<c>GetInt("remoteio.remote.port")</c>), sub-trees (<see cref="GetConfig"/>) and fallbacks
/// (<see cref="WithFallback"/>).
/// </summary>
/// <remarks>
/// A getter without a default throws a <see cref="ConfigurationException"/> naming the path when
/// the setting is missing; any getter throws one naming the path, the value, its origin and the
/// expected type when the value has the wrong type. A getter with a default returns the default
/// for a missing or <c>null</c> setting, never for a wrong one: a typo in a file is an error, not
/// a silent default. Paths are HOCON path expressions (<c>a."b.c".d</c>); an invalid path is an
/// <see cref="ArgumentException"/>.
/// </remarks>
public sealed class Config
{
    /// <summary>Where <see cref="Root"/> sits in the document it came from, so errors name full paths.</summary>
    private readonly string[] _basePath;

    /// <summary>Creates a configuration over a resolved root.</summary>
    /// <param name="root">The resolved root object.</param>
    /// <param name="basePath">Where the root sits in its document (empty for a whole document).</param>
    internal Config(ConfigObject root, string[] basePath)
    {
        Root = root;
        _basePath = basePath;
    }

    /// <summary>A configuration without settings.</summary>
    public static Config Empty { get; } = new(ConfigObject.Empty, []);

    /// <summary>The resolved root object.</summary>
    public ConfigObject Root { get; }

    /// <summary>True when there are no settings at all.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>True when <paramref name="path"/> has a value that is not <c>null</c> (as in Typesafe config).</summary>
    /// <param name="path">The path, e.g. <c>remoteio.remote.port</c>.</param>
    /// <returns>Whether the setting exists and is not null.</returns>
    public bool HasPath(string path) => GetValue(path) is { ValueType: not ConfigValueType.Null };

    /// <summary>The raw value at <paramref name="path"/>, or null when there is none.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The value (a <c>null</c> setting is a <see cref="ConfigScalar"/> with <see cref="ConfigScalar.IsNull"/>).</returns>
    public ConfigValue? GetValue(string path) => Find(ConfigPath.ParseArgument(path));

    /// <summary>
    /// The sub-tree at <paramref name="path"/>: an empty configuration when it is missing or
    /// null, so optional sections need no checks. Errors from it still name full paths.
    /// </summary>
    /// <param name="path">The path of an object.</param>
    /// <returns>The sub-tree.</returns>
    /// <exception cref="ConfigurationException">The value there is not an object.</exception>
    public Config GetConfig(string path)
    {
        var elements = ConfigPath.ParseArgument(path);
        return Find(elements) switch
        {
            ConfigObject obj => new Config(obj, [.. _basePath, .. elements]),
            null or ConfigScalar { IsNull: true } => new Config(ConfigObject.Empty, [.. _basePath, .. elements]),
            var other => throw WrongType(elements, other, "an object"),
        };
    }

    /// <summary>
    /// This configuration with <paramref name="fallback"/> beneath it: settings missing here are
    /// taken from the fallback; objects present in both are merged; anything else here wins.
    /// </summary>
    /// <param name="fallback">The lower-priority configuration (null or empty changes nothing).</param>
    /// <returns>The combined configuration.</returns>
    public Config WithFallback(Config? fallback) =>
        fallback is null || fallback.IsEmpty ? this : new Config(ConfigObject.Merge(Root, fallback.Root), _basePath);

    /// <summary>The setting as a string (numbers and booleans as written).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ConfigurationException">Missing, or an object, list or null.</exception>
    public string GetString(string path) => Required<string>(path, ValueConversions.TryString, "a string");

    /// <summary>The setting as a string, or <paramref name="defaultValue"/> when it is missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ConfigurationException">An object or a list.</exception>
    [return: NotNullIfNotNull(nameof(defaultValue))]
    public string? GetString(string path, string? defaultValue) => Optional<string?>(path, defaultValue, ValueConversions.TryString, "a string");

    /// <summary>The setting as a 32-bit integer.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigurationException">Missing, not an integer, or out of range.</exception>
    public int GetInt(string path) => Required<int>(path, ValueConversions.TryInt, "an integer");

    /// <summary>The setting as a 32-bit integer, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigurationException">Not an integer, or out of range.</exception>
    public int GetInt(string path, int defaultValue) => Optional(path, defaultValue, ValueConversions.TryInt, "an integer");

    /// <summary>The setting as a 64-bit integer.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigurationException">Missing, not an integer, or out of range.</exception>
    public long GetLong(string path) => Required<long>(path, ValueConversions.TryLong, "an integer");

    /// <summary>The setting as a 64-bit integer, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ConfigurationException">Not an integer, or out of range.</exception>
    public long GetLong(string path, long defaultValue) => Optional(path, defaultValue, ValueConversions.TryLong, "an integer");

    /// <summary>The setting as a double.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ConfigurationException">Missing or not a number.</exception>
    public double GetDouble(string path) => Required<double>(path, ValueConversions.TryDouble, "a number");

    /// <summary>The setting as a double, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ConfigurationException">Not a number.</exception>
    public double GetDouble(string path, double defaultValue) => Optional(path, defaultValue, ValueConversions.TryDouble, "a number");

    /// <summary>The setting as a boolean: <c>true</c>/<c>yes</c>/<c>on</c> or <c>false</c>/<c>no</c>/<c>off</c>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="ConfigurationException">Missing or not a boolean.</exception>
    public bool GetBoolean(string path) => Required<bool>(path, ValueConversions.TryBoolean, "a boolean (true/false, yes/no, on/off)");

    /// <summary>The setting as a boolean, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="ConfigurationException">Not a boolean.</exception>
    public bool GetBoolean(string path, bool defaultValue) =>
        Optional(path, defaultValue, ValueConversions.TryBoolean, "a boolean (true/false, yes/no, on/off)");

    /// <summary>
    /// The setting as a duration (<see cref="HoconDuration"/>: <c>100ms</c>, <c>2s</c>,
    /// <c>1.5h</c>; a bare number is milliseconds). <c>infinite</c> gives
    /// <see cref="Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when missing or null; when null itself, the setting is required.</param>
    /// <param name="allowInfinite">Whether <c>infinite</c> is accepted.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ConfigurationException">Missing without a default, or not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan? defaultValue = null, bool allowInfinite = true)
    {
        var convert = ValueConversions.Duration(allowInfinite);
        var expected = allowInfinite ? "a duration (such as 100ms, 2s, 1.5h or infinite)" : "a finite duration (such as 100ms, 2s or 1.5h)";
        return defaultValue is { } fallback ? Optional(path, fallback, convert, expected) : Required(path, convert, expected);
    }

    /// <summary>The setting as a size in bytes (<see cref="HoconByteSize"/>: <c>64KiB</c>, <c>10MB</c>; a bare number is bytes).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="ConfigurationException">Missing or not a size.</exception>
    public long GetByteSize(string path) => Required<long>(path, ValueConversions.TryByteSize, "a size in bytes (such as 512b, 64KiB or 10MB)");

    /// <summary>The setting as a size in bytes, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="ConfigurationException">Not a size.</exception>
    public long GetByteSize(string path, long defaultValue) =>
        Optional(path, defaultValue, ValueConversions.TryByteSize, "a size in bytes (such as 512b, 64KiB or 10MB)");

    /// <summary>The setting as a list of strings (scalars as written).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The strings.</returns>
    /// <exception cref="ConfigurationException">Missing, not a list, or an element is not a scalar.</exception>
    public IReadOnlyList<string> GetStringList(string path) => RequiredList<string>(path, ValueConversions.TryString, "a string");

    /// <summary>The setting as a list of strings, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The strings.</returns>
    /// <exception cref="ConfigurationException">Not a list, or an element is not a scalar.</exception>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue) =>
        OptionalList(path, defaultValue, ValueConversions.TryString, "a string");

    /// <summary>The setting as a list of 32-bit integers.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The integers.</returns>
    /// <exception cref="ConfigurationException">Missing, not a list, or an element is not an integer.</exception>
    public IReadOnlyList<int> GetIntList(string path) => RequiredList<int>(path, ValueConversions.TryInt, "an integer");

    /// <summary>The setting as a list of 32-bit integers, or <paramref name="defaultValue"/> when missing or null.</summary>
    /// <param name="path">The path.</param>
    /// <param name="defaultValue">Returned when the setting is missing or null.</param>
    /// <returns>The integers.</returns>
    /// <exception cref="ConfigurationException">Not a list, or an element is not an integer.</exception>
    public IReadOnlyList<int> GetIntList(string path, IReadOnlyList<int> defaultValue) =>
        OptionalList(path, defaultValue, ValueConversions.TryInt, "an integer");

    /// <summary>The setting as a list of 64-bit integers.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The integers.</returns>
    /// <exception cref="ConfigurationException">Missing, not a list, or an element is not an integer.</exception>
    public IReadOnlyList<long> GetLongList(string path) => RequiredList<long>(path, ValueConversions.TryLong, "an integer");

    /// <summary>The setting as a list of doubles.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="ConfigurationException">Missing, not a list, or an element is not a number.</exception>
    public IReadOnlyList<double> GetDoubleList(string path) => RequiredList<double>(path, ValueConversions.TryDouble, "a number");

    /// <summary>The setting as a list of booleans.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The booleans.</returns>
    /// <exception cref="ConfigurationException">Missing, not a list, or an element is not a boolean.</exception>
    public IReadOnlyList<bool> GetBooleanList(string path) => RequiredList<bool>(path, ValueConversions.TryBoolean, "a boolean");

    /// <summary>
    /// Every setting that is not an object, depth first in document order, keyed by its path
    /// (relative to this configuration; elements quoted where needed). Lists are single entries.
    /// </summary>
    /// <returns>The flattened settings.</returns>
    public IEnumerable<KeyValuePair<string, ConfigValue>> AsEnumerable() => Flatten(Root, string.Empty);

    /// <summary>Renders the configuration as HOCON (one field per line, nested objects indented) that parses back to the same values.</summary>
    /// <returns>The HOCON text.</returns>
    public override string ToString() => HoconRenderer.RenderRoot(Root);

    /// <summary>Walks the resolved tree along <paramref name="elements"/>; null when a step is missing or not an object.</summary>
    private ConfigValue? Find(string[] elements)
    {
        ConfigValue current = Root;
        foreach (var element in elements)
        {
            if (current is not ConfigObject obj || !obj.TryGetValue(element, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>Reads a required setting.</summary>
    private T Required<T>(string path, ValueConversions.Converter<T> convert, string expected)
    {
        var elements = ConfigPath.ParseArgument(path);
        var value = Find(elements) ?? throw Missing(elements);
        return convert(value, out var result) ? result : throw WrongType(elements, value, expected);
    }

    /// <summary>Reads a setting with a default for missing or null values.</summary>
    private T Optional<T>(string path, T defaultValue, ValueConversions.Converter<T> convert, string expected)
    {
        var elements = ConfigPath.ParseArgument(path);
        var value = Find(elements);
        if (value is null or ConfigScalar { IsNull: true })
        {
            return defaultValue;
        }

        return convert(value, out var result) ? result : throw WrongType(elements, value, expected);
    }

    /// <summary>Reads a required list, converting each element.</summary>
    private T[] RequiredList<T>(string path, ValueConversions.Converter<T> convert, string expected)
    {
        var elements = ConfigPath.ParseArgument(path);
        var value = Find(elements) ?? throw Missing(elements);
        return ConvertList(elements, value, convert, expected);
    }

    /// <summary>Reads a list with a default for missing or null values.</summary>
    private IReadOnlyList<T> OptionalList<T>(string path, IReadOnlyList<T> defaultValue, ValueConversions.Converter<T> convert, string expected)
    {
        var elements = ConfigPath.ParseArgument(path);
        var value = Find(elements);
        return value is null or ConfigScalar { IsNull: true } ? defaultValue : ConvertList(elements, value, convert, expected);
    }

    /// <summary>Converts each element of a list, naming the element's index in errors.</summary>
    private T[] ConvertList<T>(string[] elements, ConfigValue value, ValueConversions.Converter<T> convert, string expected)
    {
        if (value is not ConfigList list)
        {
            throw WrongType(elements, value, $"a list of {Plural(expected)}");
        }

        var result = new T[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (!convert(list[i], out result[i]))
            {
                throw Error($"{FullPath(elements)}[{i}]: expected {expected}, got {ValueConversions.Describe(list[i])} ({list[i].Origin.Description})", elements);
            }
        }

        return result;
    }

    /// <summary>"an integer" → "integers", for list messages.</summary>
    private static string Plural(string expected)
    {
        var noun = expected.StartsWith("an ", StringComparison.Ordinal) ? expected[3..] : expected.StartsWith("a ", StringComparison.Ordinal) ? expected[2..] : expected;
        var space = noun.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? noun + "s" : string.Concat(noun.AsSpan(0, space), "s", noun.AsSpan(space));
    }

    /// <summary>Flattens objects into leaf settings.</summary>
    private static IEnumerable<KeyValuePair<string, ConfigValue>> Flatten(ConfigObject obj, string prefix)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? ConfigPath.RenderKey(key) : prefix + "." + ConfigPath.RenderKey(key);
            if (value is ConfigObject child)
            {
                foreach (var leaf in Flatten(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return new KeyValuePair<string, ConfigValue>(path, value);
            }
        }
    }

    /// <summary>The full path (including this sub-tree's base) for messages.</summary>
    private string FullPath(string[] elements) => ConfigPath.Render([.. _basePath, .. elements]);

    /// <summary>A missing required setting.</summary>
    private ConfigurationException Missing(string[] elements) =>
        Error($"{FullPath(elements)}: no value is configured and no default was given", elements);

    /// <summary>A setting of the wrong type: path, what was expected, what was found and where.</summary>
    private ConfigurationException WrongType(string[] elements, ConfigValue value, string expected) =>
        new($"{FullPath(elements)}: expected {expected}, got {ValueConversions.Describe(value)} ({value.Origin.Description})", value.Origin, FullPath(elements));

    /// <summary>An error about a setting.</summary>
    private ConfigurationException Error(string message, string[] elements) => new(message, null, FullPath(elements));
}
