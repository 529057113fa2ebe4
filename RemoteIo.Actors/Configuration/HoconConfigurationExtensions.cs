using Microsoft.Extensions.Configuration;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Adds HOCON to a <c>Microsoft.Extensions.Configuration</c> builder, so options classes bind
/// from HOCON as they do from JSON: <c>services.Configure&lt;RemoteOptions&gt;(configuration.GetSection("remoteio:remote"))</c>.
/// </summary>
/// <remarks>
/// Keys are flattened with <c>:</c> and list elements become <c>key:0</c>, <c>key:1</c>, ...
/// Kebab-case keys are also offered without dashes, so <c>require-auth</c> binds to a
/// <c>RequireAuth</c> property. Strings, numbers and <c>true</c>/<c>false</c> bind to the
/// matching property types. Durations
/// (<c>100ms</c>) and sizes (<c>64KiB</c>) stay strings because the binder only knows
/// <c>hh:mm:ss</c>: bind them to <see cref="string"/> properties and convert with
/// <see cref="HoconDuration.Parse"/> / <see cref="HoconByteSize.Parse"/>, read them with
/// <see cref="HoconConfigurationValueExtensions.GetDuration"/>, or use <see cref="Config.GetTimeSpan"/>.
/// Booleans written <c>on</c>/<c>yes</c> bind only through <see cref="Config.GetBoolean(string)"/>.
/// </remarks>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file (relative paths are resolved against the builder's base path, as for JSON).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file path.</param>
    /// <param name="optional">Whether a missing file is allowed.</param>
    /// <param name="reloadOnChange">Whether to reload when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add<HoconFileConfigurationSource>(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds HOCON text (parsed now, so errors surface at startup).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="text">The HOCON text.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ConfigurationException">The text is invalid.</exception>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text) =>
        builder.AddHocon(ConfigurationFactory.ParseString(text));

    /// <summary>Adds an already parsed configuration (for instance <see cref="ConfigurationFactory.Load(string)"/>'s layered result).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="config">The configuration.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource(config));
    }
}
