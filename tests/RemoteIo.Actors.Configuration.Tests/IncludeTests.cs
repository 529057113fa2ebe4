namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>include "file", include file(...), include required(...): location, merging, substitution fix-ups, cycles and errors.</summary>
public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ParseFile_RelativeInclude_IsFoundNextToTheIncludingFile()
    {
        _dir.Write("conf/defaults.conf", "a = 1\nb = 2");
        var main = _dir.Write("conf/main.conf", "include \"defaults.conf\"\nb = 3");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(3, config.GetInt("b"));
    }

    [Fact]
    public void ParseFile_NestedIncludes_AreRelativeToEachIncludingFile()
    {
        _dir.Write("main/sub/inner.conf", "deep = yes");
        _dir.Write("main/sub/middle.conf", "include \"inner.conf\"\nmiddle = 1");
        var main = _dir.Write("main/main.conf", "include file(\"sub/middle.conf\")");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.True(config.GetBoolean("deep"));
        Assert.Equal(1, config.GetInt("middle"));
    }

    [Fact]
    public void ParseFile_IncludeBeforeAndAfterKeys_MergesInDocumentOrder()
    {
        _dir.Write("inc.conf", "x { p = inc, q = inc }");
        var main = _dir.Write("main.conf", "x { p = before, r = before }\ninclude \"inc.conf\"\nx.q = after");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal("inc", config.GetString("x.p"));
        Assert.Equal("after", config.GetString("x.q"));
        Assert.Equal("before", config.GetString("x.r"));
    }

    [Fact]
    public void ParseFile_IncludeInsideObject_FixesUpSubstitutionsToTheIncludeLocation()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}\nz = ${top}");
        var main = _dir.Write("main.conf", "top = T\na { include \"foo.conf\" }\na { x = 42 }");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal("T", config.GetString("a.z"));
        Assert.False(config.HasPath("x"));
    }

    [Fact]
    public void ParseFile_IncludeWithoutExtension_FindsTheConfFile()
    {
        _dir.Write("extra.conf", "e = 1");
        var main = _dir.Write("main.conf", "include \"extra\"");

        Assert.Equal(1, ConfigurationFactory.ParseFile(main).GetInt("e"));
    }

    [Fact]
    public void ParseFile_MissingPlainInclude_IsIgnored()
    {
        var main = _dir.Write("main.conf", "include \"nope.conf\"\na = 1");

        var config = ConfigurationFactory.ParseFile(main);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Single(config.AsEnumerable());
    }

    [Fact]
    public void ParseFile_MissingRequiredInclude_FailsNamingTheFile()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude required(\"nope.conf\")");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Equal($"{main}:2:1: required include \"nope.conf\" was not found (looked for {Path.Combine(_dir.Path, "nope.conf")})", error.Message);
    }

    [Fact]
    public void ParseFile_RequiredFileInclude_IsRead()
    {
        _dir.Write("there.conf", "t = 1");
        var main = _dir.Write("main.conf", "include required( file(\"there.conf\") )");

        Assert.Equal(1, ConfigurationFactory.ParseFile(main).GetInt("t"));
    }

    [Fact]
    public void ParseFile_IncludeCycle_IsDetected()
    {
        var a = _dir.Write("a.conf", "include \"b.conf\"\nx = 1");
        var b = _dir.Write("b.conf", "y = 2\ninclude \"a.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(a));

        Assert.Equal($"{b}:2:1: include cycle: {a} -> {b} -> {a}", error.Message);
    }

    [Fact]
    public void ParseFile_SelfInclude_IsDetected()
    {
        var a = _dir.Write("self.conf", "include \"self.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(a));

        Assert.Equal($"{a}:1:1: include cycle: {a} -> {a}", error.Message);
    }

    [Fact]
    public void ParseFile_ErrorInIncludedFile_NamesTheIncludedFileLineAndColumn()
    {
        var inc = _dir.Write("bad.conf", "ok = 1\nbroken = [1, 2\n");
        var main = _dir.Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Equal($"{inc}:3:1: expected ']' or a value, found end of input (the list opened at line 2, column 10 is not closed)", error.Message);
    }

    [Fact]
    public void ParseFile_IncludedRootIsAList_IsAnError()
    {
        var inc = _dir.Write("list.conf", "[1, 2]");
        var main = _dir.Write("main.conf", "include \"list.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(main));

        Assert.Equal($"{inc}:1:1: the root of a configuration must be an object, found '['", error.Message);
    }

    [Fact]
    public void ParseFile_MissingFile_FailsNamingIt()
    {
        var path = Path.Combine(_dir.Path, "absent.conf");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseFile(path));

        Assert.Equal($"cannot read configuration file {path}: it does not exist", error.Message);
    }

    [Fact]
    public void ParseString_WithBaseDirectory_ResolvesRelativeIncludes()
    {
        _dir.Write("base.conf", "b = 2");

        var config = ConfigurationFactory.ParseString("include \"base.conf\"\na = ${b}", _dir.Path);

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void ParseString_AbsoluteInclude_NeedsNoBaseDirectory()
    {
        var abs = _dir.Write("abs.conf", "z = 26");

        Assert.Equal(26, ConfigurationFactory.ParseString($"include \"{abs}\"").GetInt("z"));
    }

    [Fact]
    public void ParseString_CustomIncludeResolver_ServesIncludesAndSeesTheIncludingSource()
    {
        var requests = new List<(string Name, string? From)>();
        var files = new Dictionary<string, string> { ["one"] = "include \"two\"\na = 1", ["two"] = "b = 2" };
        var options = ConfigParseOptions.Default.WithIncludeResolver((name, from) =>
        {
            requests.Add((name, from));
            return files.TryGetValue(name, out var text) ? new ConfigIncludeSource(name, text) : null;
        });

        var config = ConfigurationFactory.ParseString("include \"one\"\ninclude \"three\"", options);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal([("one", null), ("two", "one"), ("three", null)], requests);
    }

    [Fact]
    public void ParseString_EndlessIncludeResolver_StopsAtTheDepthLimit()
    {
        var counter = 0;
        var options = ConfigParseOptions.Default.WithIncludeResolver((_, _) => new ConfigIncludeSource($"gen{++counter}", "include \"next\""));

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString("include \"first\"", options));

        Assert.EndsWith("includes are nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
    }
}
