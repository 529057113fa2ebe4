using Microsoft.Extensions.Configuration;
using RemoteIo.Actors.Configuration.Parsing;

namespace RemoteIo.Actors.Configuration;

/// <summary>Loads a HOCON file into <c>section:key</c> pairs (see <see cref="HoconConfigurationProvider"/>).</summary>
/// <param name="source">The file source.</param>
public sealed class HoconFileConfigurationProvider(HoconFileConfigurationSource source) : FileConfigurationProvider(source)
{
    /// <summary>Parses the file's text; its name and directory come from the file provider so errors and includes refer to the real file.</summary>
    /// <param name="stream">The file's content.</param>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var physicalPath = Source.FileProvider?.GetFileInfo(Source.Path ?? string.Empty).PhysicalPath;
        var options = ConfigParseOptions.Default
            .WithSourceName(physicalPath ?? Source.Path ?? "<stream>")
            .WithBaseDirectory(physicalPath is null ? null : Path.GetDirectoryName(physicalPath));
        Data = ConfigFlattener.Flatten(ConfigurationFactory.ParseString(text, options).Root);
    }
}
