using Microsoft.Extensions.Configuration;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Reads HOCON durations and sizes from a <c>Microsoft.Extensions.Configuration</c> tree, where
/// they are kept as strings (<c>configuration.GetDuration("remoteio:remote:heartbeat-interval")</c>).
/// </summary>
public static class HoconConfigurationValueExtensions
{
    /// <summary>Reads a HOCON duration (<see cref="HoconDuration"/>).</summary>
    /// <param name="configuration">The configuration (or a section of it).</param>
    /// <param name="key">The key, <c>:</c>-separated.</param>
    /// <param name="defaultValue">Returned when the key has no value.</param>
    /// <returns>The duration, or <paramref name="defaultValue"/>.</returns>
    /// <exception cref="ConfigurationException">The value is not a duration (the message names the key).</exception>
    public static TimeSpan? GetDuration(this IConfiguration configuration, string key, TimeSpan? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[key] switch
        {
            null => defaultValue,
            var text when HoconDuration.TryParse(text, out var value) => value,
            var text => throw new ConfigurationException($"{key}: expected a duration (such as 100ms, 2s or 1.5h), got \"{text}\""),
        };
    }

    /// <summary>Reads a HOCON size in bytes (<see cref="HoconByteSize"/>).</summary>
    /// <param name="configuration">The configuration (or a section of it).</param>
    /// <param name="key">The key, <c>:</c>-separated.</param>
    /// <param name="defaultValue">Returned when the key has no value.</param>
    /// <returns>The number of bytes, or <paramref name="defaultValue"/>.</returns>
    /// <exception cref="ConfigurationException">The value is not a size (the message names the key).</exception>
    public static long? GetByteSize(this IConfiguration configuration, string key, long? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[key] switch
        {
            null => defaultValue,
            var text when HoconByteSize.TryParse(text, out var value) => value,
            var text => throw new ConfigurationException($"{key}: expected a size in bytes (such as 512b, 64KiB or 10MB), got \"{text}\""),
        };
    }
}
