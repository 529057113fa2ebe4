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
    public void Reference_EverySetting_IsDocumented()
    {
        var undocumented = UndocumentedSettings(ConfigurationFactory.ReferenceText());

        Assert.True(undocumented.Count == 0, "settings in reference.conf without a comment in their paragraph: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void UndocumentedSettings_Sample_FindsExactlyTheUncommentedOnes()
    {
        const string sample = "# the block\na {\n  b = 1\n  c = 2\n\n  d = 3\n  e = 4 # on the line\n}\n\nf = 5\n";

        Assert.Equal(["a.d (line 6)", "f (line 10)"], UndocumentedSettings(sample));
    }

    // Documented = a comment on the setting's line, or a comment line in its paragraph (the
    // non-blank lines above it), so one comment may introduce a small block of settings.
    private static List<string> UndocumentedSettings(string text)
    {
        var lines = text.Split('\n');
        return ConfigurationFactory.ParseString(text).AsEnumerable()
            .Where(setting => !IsDocumented(lines, setting.Value.Origin.Line - 1))
            .Select(setting => $"{setting.Key} (line {setting.Value.Origin.Line})")
            .ToList();
    }

    private static bool IsDocumented(string[] lines, int index)
    {
        if (lines[index].Contains(" #", StringComparison.Ordinal) || lines[index].Contains(" //", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = index - 1; i >= 0 && lines[i].Trim().Length > 0; i--)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
