using Microsoft.Extensions.Configuration;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A <c>Microsoft.Extensions.Configuration</c> source reading a HOCON file
/// (<see cref="HoconConfigurationExtensions.AddHoconFile"/>): optional files, reload on change and
/// file providers work as for JSON files. Relative includes are resolved next to the file.
/// </summary>
public sealed class HoconFileConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconFileConfigurationProvider(this);
    }
}
