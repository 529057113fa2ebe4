using Microsoft.Extensions.Configuration;
using RemoteIo.Actors.Configuration.Parsing;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Provides the settings of a <see cref="Config"/> as <c>section:key</c> pairs (lists as
/// <c>key:0</c>, <c>key:1</c>); durations and sizes stay strings.
/// </summary>
/// <param name="config">The configuration to expose.</param>
public sealed class HoconConfigurationProvider(Config config) : ConfigurationProvider
{
    /// <summary>The configuration to expose.</summary>
    private readonly Config _config = config ?? throw new ArgumentNullException(nameof(config));

    /// <summary>Flattens the configuration into the provider's data.</summary>
    public override void Load() => Data = ConfigFlattener.Flatten(_config.Root);
}
