using Microsoft.Extensions.Configuration;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A <c>Microsoft.Extensions.Configuration</c> source over an already parsed <see cref="Config"/>
/// (<see cref="HoconConfigurationExtensions.AddHocon"/>), so options classes bind from HOCON.
/// </summary>
/// <param name="config">The configuration to expose.</param>
public sealed class HoconConfigurationSource(Config config) : IConfigurationSource
{
    /// <summary>The configuration to expose.</summary>
    public Config Config { get; } = config ?? throw new ArgumentNullException(nameof(config));

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(Config);
}
