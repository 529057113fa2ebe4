namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>WithFallback chains and the layered Load (reference.conf ← file ← overrides).</summary>
public sealed class FallbackTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Config Parse(string text) => ConfigurationFactory.ParseString(text);

    [Fact]
    public void WithFallback_MissingSetting_ComesFromTheFallback()
    {
        var config = Parse("a = 1").WithFallback(Parse("a = 0\nb = 2"));

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void WithFallback_ObjectsInBoth_AreMergedKeyByKey()
    {
        var config = Parse("remote { port = 9000 }").WithFallback(Parse("remote { port = 8509, host = localhost }"));

        Assert.Equal(9000, config.GetInt("remote.port"));
        Assert.Equal("localhost", config.GetString("remote.host"));
    }

    [Fact]
    public void WithFallback_ChainOfThree_IntermediateNonObjectHidesLowerObjects()
    {
        var hidden = Parse("a { x = 1 }").WithFallback(Parse("a = 42")).WithFallback(Parse("a { y = 2 }"));
        var adjacent = Parse("a { x = 1 }").WithFallback(Parse("a { y = 2 }")).WithFallback(Parse("a = 42"));

        Assert.Equal("a {\n  x = 1\n}\n", hidden.ToString());
        Assert.Equal("a {\n  y = 2\n  x = 1\n}\n", adjacent.ToString());
    }

    [Fact]
    public void WithFallback_ObjectThatReplacedANonObjectInItsFile_IgnoresLaterFallbacks()
    {
        var config = Parse("a = null\na { y = 2 }").WithFallback(Parse("a { z = 1 }"));

        Assert.Equal("a {\n  y = 2\n}\n", config.ToString());
    }

    [Fact]
    public void Load_NullThenObject_DropsTheDefaultsOfTheLayerBelow()
    {
        var file = _dir.Write("host.conf", "section { a = 1, b = 2 }");

        var config = ConfigurationFactory.Load(file, ["section = null\nsection { c = 3 }"]);

        Assert.Equal("{\n  c = 3\n}", config.GetValue("section")!.ToString());
    }

    [Fact]
    public void WithFallback_NullOnTop_HidesTheFallbackValue()
    {
        var config = Parse("a = null").WithFallback(Parse("a { y = 2 }"));

        Assert.False(config.HasPath("a"));
        Assert.Equal(5, config.GetInt("a", 5));
    }

    [Fact]
    public void WithFallback_EmptyOrNull_ReturnsTheSameConfig()
    {
        var config = Parse("a = 1");

        Assert.Same(config, config.WithFallback(ConfigurationFactory.Empty));
        Assert.Same(config, config.WithFallback(null));
        Assert.Equal(1, ConfigurationFactory.Empty.WithFallback(config).GetInt("a"));
    }

    [Fact]
    public void WithFallback_SubConfig_KeepsFullPathsInErrors()
    {
        var config = Parse("x.a = 1").GetConfig("x").WithFallback(Parse("b = oops"));

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("b"));

        Assert.StartsWith("x.b: expected an integer, got \"oops\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_File_HasEveryReferenceSettingUnlessOverridden()
    {
        var file = _dir.Write("host.conf", "remoteio.test-only-setting = 1");

        var config = ConfigurationFactory.Load(file);

        Assert.Equal(1, config.GetInt("remoteio.test-only-setting"));
        foreach (var (path, value) in ConfigurationFactory.Reference().AsEnumerable())
        {
            Assert.Equal(value.ToString(), config.GetValue(path)?.ToString());
        }
    }

    [Fact]
    public void Load_Overrides_WinOverTheFileInOrder()
    {
        var file = _dir.Write("host.conf", "app { port = 8509, mode = wait }");

        var config = ConfigurationFactory.Load(file, ["app.port = 9000", "app.port = 9001\napp.extra = yes"]);

        Assert.Equal(9001, config.GetInt("app.port"));
        Assert.Equal("wait", config.GetString("app.mode"));
        Assert.True(config.GetBoolean("app.extra"));
    }

    [Fact]
    public void Load_SubstitutionInFile_FollowsAnOverride()
    {
        var file = _dir.Write("host.conf", "app { port = 8509, url = \"tcp://host:\"${app.port} }");

        var config = ConfigurationFactory.Load(file, ["app.port = 9000"]);

        Assert.Equal("tcp://host:9000", config.GetString("app.url"));
    }

    [Fact]
    public void Load_SelfReferenceInOverride_ExtendsTheFileValue()
    {
        var file = _dir.Write("host.conf", "app.tags = [a]\napp.path = /bin");

        var config = ConfigurationFactory.Load(file, ["app.tags += b", "app.path = ${app.path}\":/usr/bin\""]);

        Assert.Equal(["a", "b"], config.GetStringList("app.tags"));
        Assert.Equal("/bin:/usr/bin", config.GetString("app.path"));
    }

    [Fact]
    public void Load_ErrorInOverride_NamesTheOverride()
    {
        var file = _dir.Write("host.conf", "a = 1");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.Load(file, ["a = 2", "b = ["]));

        Assert.Equal("<override 2>:1:6: expected ']' or a value, found end of input (the list opened at line 1, column 5 is not closed)", error.Message);
    }

    [Fact]
    public void Load_MissingFile_FailsNamingIt()
    {
        var path = Path.Combine(_dir.Path, "host.conf");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.Load(path));

        Assert.Equal($"cannot read configuration file {path}: it does not exist", error.Message);
    }
}
