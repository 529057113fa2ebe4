namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>The real files in hocon/ always parse; the embedded reference.conf is the file in the repository.</summary>
public sealed class ReferenceConfTests
{
    private static string HoconFile(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "hocon", name);
        Assert.True(File.Exists(path), $"{path} is missing: the test project copies ../../hocon/*.conf to its output");
        return path;
    }

    [Fact]
    public void Reference_EmbeddedReferenceConf_Parses()
    {
        var reference = ConfigurationFactory.Reference();

        Assert.Same(reference, ConfigurationFactory.Reference());
        Assert.Equal(reference.ToString(), ConfigurationFactory.ParseString(ConfigurationFactory.ReferenceText()).ToString());
    }

    [Fact]
    public void ReferenceText_IsTheRepositoryFile()
    {
        Assert.Equal(File.ReadAllText(HoconFile("reference.conf")), ConfigurationFactory.ReferenceText());
    }

    [Fact]
    public void Reference_DocumentsItsLayering()
    {
        var text = ConfigurationFactory.ReferenceText();

        Assert.Contains("ConfigurationFactory.Reference()", text, StringComparison.Ordinal);
        Assert.Contains("host.conf/client.conf", text, StringComparison.Ordinal);
        Assert.Contains("command line", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host.conf")]
    [InlineData("client.conf")]
    public void Load_ShippedFile_ParsesOverTheReference(string name)
    {
        var config = ConfigurationFactory.Load(HoconFile(name));

        Assert.Equal(
            ConfigurationFactory.ParseFile(HoconFile(name)).WithFallback(ConfigurationFactory.Reference()).ToString(),
            config.ToString());
    }

    [Fact]
    public void Reference_EverySetting_HasAComment()
    {
        var lines = ConfigurationFactory.ReferenceText().Split('\n');
        var undocumented = new List<string>();
        foreach (var (path, value) in ConfigurationFactory.Reference().AsEnumerable())
        {
            var line = value.Origin.Line;
            var documented = line > 1 && (HasComment(lines[line - 1]) || IsComment(lines[line - 2]));
            if (!documented)
            {
                undocumented.Add($"{path} (reference.conf line {line})");
            }
        }

        Assert.True(undocumented.Count == 0, "settings without a comment on or above their line: " + string.Join(", ", undocumented));
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#') || line.TrimStart().StartsWith("//", StringComparison.Ordinal);

    private static bool HasComment(string line) => line.Contains(" #", StringComparison.Ordinal) || line.Contains(" //", StringComparison.Ordinal);
}
