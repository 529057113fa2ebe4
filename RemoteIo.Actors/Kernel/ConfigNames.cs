using RemoteIo.Actors.Configuration;

namespace RemoteIo.Actors.Kernel;

/// <summary>Reads settings whose value is one of a fixed set of names, with an error that names the path, the value and where it was written.</summary>
internal static class ConfigNames
{
    /// <summary>Reads the name at <paramref name="path"/> (case-insensitive; '-' and '_' ignored) and maps it.</summary>
    /// <typeparam name="T">The mapped type.</typeparam>
    /// <param name="config">The configuration (or a section of it).</param>
    /// <param name="path">The setting's path in <paramref name="config"/>.</param>
    /// <param name="fullPath">The setting's full path, for the error message.</param>
    /// <param name="names">The accepted names in the order the error message lists them, normalised (lower case, no '-' or '_').</param>
    /// <param name="defaultValue">Returned when the setting is missing.</param>
    /// <returns>The mapped value.</returns>
    /// <exception cref="ConfigurationException">The value is not one of the names.</exception>
    public static T Read<T>(Config config, string path, string fullPath, IReadOnlyList<(string Name, T Value)> names, T defaultValue)
    {
        var text = config.GetString(path, null);
        if (text is null)
        {
            return defaultValue;
        }

        var key = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        foreach (var (name, value) in names)
        {
            if (name == key)
            {
                return value;
            }
        }

        var origin = config.GetValue(path)?.Origin.Description ?? "<code>";
        throw new ConfigurationException($"{fullPath}: expected one of {string.Join(", ", names.Select(n => n.Name))}, got \"{text}\" ({origin}).");
    }

    /// <summary>Reads an integer that must be at least <paramref name="minimum"/>.</summary>
    /// <param name="config">The configuration (or a section of it).</param>
    /// <param name="path">The setting's path in <paramref name="config"/>.</param>
    /// <param name="fullPath">The setting's full path, for the error message.</param>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="defaultValue">Returned when the setting is missing.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ConfigurationException">Not an integer, or too small.</exception>
    public static int ReadAtLeast(Config config, string path, string fullPath, int minimum, int defaultValue)
    {
        var value = config.GetInt(path, defaultValue);
        if (value < minimum)
        {
            var origin = config.GetValue(path)?.Origin.Description ?? "<code>";
            throw new ConfigurationException($"{fullPath}: must be at least {minimum}, got {value} ({origin}).");
        }

        return value;
    }
}
