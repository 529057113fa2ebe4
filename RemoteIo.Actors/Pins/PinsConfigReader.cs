using System.Globalization;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Reads the named values of <c>remoteio.pins</c> (modes, levels, the per-pin table, the
/// exclusive groups) with errors that name the full key, the value and where it was written.
/// </summary>
/// <param name="section">The <c>remoteio.pins</c> section.</param>
/// <param name="prefix">The section's full path, for messages.</param>
internal sealed class PinsConfigReader(Config section, string prefix)
{
    /// <summary>Reads <c>wait</c> or <c>nowait</c>.</summary>
    public Mode Mode(string path, Mode defaultValue) => Name(path, defaultValue, ("wait", Protocol.Mode.Wait), ("nowait", Protocol.Mode.Nowait));

    /// <summary>Reads <c>drain</c> or <c>cut</c>.</summary>
    public ShutdownBehavior Shutdown(string path, ShutdownBehavior defaultValue) => Name(path, defaultValue, ("drain", ShutdownBehavior.Drain), ("cut", ShutdownBehavior.Cut));

    /// <summary>Reads <c>auto</c> or <c>off</c>.</summary>
    public HardwarePwmMode HardwarePwm(string path, HardwarePwmMode defaultValue) => Name(path, defaultValue, ("auto", HardwarePwmMode.Auto), ("off", HardwarePwmMode.Off));

    /// <summary>Reads a level: low/high, off/on, 0/1, false/true.</summary>
    public PinValue Level(string path, PinValue defaultValue) => LevelIn(section, path, $"{prefix}.{path}", defaultValue);

    /// <summary>Reads a finite duration.</summary>
    public TimeSpan Duration(string path, TimeSpan defaultValue) => section.GetTimeSpan(path, defaultValue, allowInfinite: false);

    /// <summary>Reads <c>pin-settings { 17 { safe-level = low, max-on-time = 5s } }</c>.</summary>
    public IReadOnlyDictionary<int, PinSettings> PinSettings(string path)
    {
        var table = section.GetConfig(path);
        var builder = new Dictionary<int, PinSettings>();
        foreach (var key in table.Root.Keys)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var gpio))
            {
                throw new ConfigurationException($"{prefix}.{path}: \"{key}\" is not a GPIO number (write e.g. 17 {{ safe-level = low }}) ({table.GetValue($"\"{key}\"")?.Origin.Description})");
            }

            var pin = table.GetConfig($"\"{key}\"");
            var maxOnTime = pin.HasPath("max-on-time") ? pin.GetTimeSpan("max-on-time", allowInfinite: false) : (TimeSpan?)null;
            builder[gpio] = new PinSettings
            {
                SafeLevel = LevelIn(pin, "safe-level", $"{prefix}.{path}.{key}.safe-level", Level("default-safe-level", PinValue.Low)),
                MaxOnTime = maxOnTime,
            };
        }

        return builder;
    }

    /// <summary>Reads <c>exclusive-groups = [{ name = "h-bridge-A", gpios = [5, 6] }]</c>.</summary>
    public IReadOnlyList<ExclusiveGroup> ExclusiveGroups(string path)
    {
        var value = section.GetValue(path);
        if (value is null or ConfigScalar { IsNull: true })
        {
            return [];
        }

        if (value is not ConfigList list)
        {
            throw new ConfigurationException($"{prefix}.{path}: expected a list of {{ name = ..., gpios = [...] }} objects ({value.Origin.Description})");
        }

        var groups = new List<ExclusiveGroup>();
        foreach (var item in list)
        {
            if (item is not ConfigObject)
            {
                throw new ConfigurationException($"{prefix}.{path}: every entry must be an object {{ name = ..., gpios = [...] }} ({item.Origin.Description})");
            }

            // Re-read the object as a document of its own to use the typed getters on it.
            var group = ConfigurationFactory.ParseString(item.ToString());
            groups.Add(new ExclusiveGroup(group.GetString("name"), [.. group.GetIntList("gpios")]));
        }

        return groups.ToArray();
    }

    /// <summary>Reads a level at <paramref name="path"/> of <paramref name="config"/>.</summary>
    private static PinValue LevelIn(Config config, string path, string fullPath, PinValue defaultValue)
    {
        var text = config.GetString(path, null);
        return text?.Trim().ToUpperInvariant() switch
        {
            null => defaultValue,
            "LOW" or "OFF" or "0" or "FALSE" => PinValue.Low,
            "HIGH" or "ON" or "1" or "TRUE" => PinValue.High,
            _ => throw new ConfigurationException($"{fullPath}: expected low or high, got \"{text}\" ({config.GetValue(path)?.Origin.Description})"),
        };
    }

    /// <summary>Reads one of a few names (case-insensitive).</summary>
    private T Name<T>(string path, T defaultValue, params (string Name, T Value)[] names)
    {
        var text = section.GetString(path, null);
        if (text is null)
        {
            return defaultValue;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ConfigurationException($"{prefix}.{path}: expected one of {string.Join(", ", names.Select(n => n.Name))}, got \"{text}\" ({section.GetValue(path)?.Origin.Description})");
    }
}
