namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>The typed getters: conversions, defaults, and the errors for missing and wrongly typed settings.</summary>
public sealed class ConfigGetterTests
{
    private static Config Parse(string text) => ConfigurationFactory.ParseString(text, ConfigParseOptions.Default.WithEnvironment(_ => null));

    public static TheoryData<string, TimeSpan> Durations => new()
    {
        { "100ms", TimeSpan.FromMilliseconds(100) },
        { "2s", TimeSpan.FromSeconds(2) },
        { "1 minute", TimeSpan.FromMinutes(1) },
        { "5 m", TimeSpan.FromMinutes(5) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "250us", TimeSpan.FromMicroseconds(250) },
        { "250 microseconds", TimeSpan.FromMicroseconds(250) },
        { "1500ns", TimeSpan.FromTicks(15) },
        { "10ns", TimeSpan.FromTicks(1) },
        { "0ns", TimeSpan.Zero },
        { "42", TimeSpan.FromMilliseconds(42) },
        { "\"42\"", TimeSpan.FromMilliseconds(42) },
        { "2.5", TimeSpan.FromMicroseconds(2500) },
        { "3 days", TimeSpan.FromDays(3) },
        { "1d", TimeSpan.FromDays(1) },
        { "-1s", TimeSpan.FromSeconds(-1) },
        { "7 seconds", TimeSpan.FromSeconds(7) },
        { "1 millis", TimeSpan.FromMilliseconds(1) },
        { "infinite", Timeout.InfiniteTimeSpan },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void GetTimeSpan_Duration_ReadsExpectedValue(string text, TimeSpan expected)
    {
        Assert.Equal(expected, Parse($"d = {text}").GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("5 fortnights")]
    [InlineData("ms")]
    [InlineData("1.5.2s")]
    [InlineData("1S")]
    [InlineData("[1s]")]
    [InlineData("99999999999999 d")]
    public void GetTimeSpan_NotADuration_ThrowsNamingPathValueAndOrigin(string text)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse($"x {{ d = {text} }}").GetTimeSpan("x.d"));

        Assert.StartsWith("x.d: expected a duration (such as 100ms, 2s, 1.5h or infinite), got ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(<string> line 1, column 9)", error.Message, StringComparison.Ordinal);
        Assert.Equal("x.d", error.Path);
    }

    [Fact]
    public void GetTimeSpan_InfiniteWhenNotAllowed_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("d = infinite").GetTimeSpan("d", allowInfinite: false));

        Assert.Equal("d: expected a finite duration (such as 100ms, 2s or 1.5h), got \"infinite\" (<string> line 1, column 5)", error.Message);
    }

    [Fact]
    public void GetTimeSpan_MissingWithDefault_ReturnsDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), Parse("a = 1").GetTimeSpan("b", TimeSpan.FromSeconds(3)));
    }

    public static TheoryData<string, long> Sizes => new()
    {
        { "64KiB", 64 * 1024 },
        { "1M", 1024 * 1024 },
        { "1m", 1024 * 1024 },
        { "10MB", 10_000_000 },
        { "512b", 512 },
        { "512 bytes", 512 },
        { "1kB", 1000 },
        { "1K", 1024 },
        { "1.5k", 1536 },
        { "2 GiB", 2L * 1024 * 1024 * 1024 },
        { "3 gigabytes", 3_000_000_000 },
        { "1 TiB", 1L << 40 },
        { "100", 100 },
        { "0", 0 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void GetByteSize_Size_ReadsExpectedValue(string text, long expected)
    {
        Assert.Equal(expected, Parse($"s = {text}").GetByteSize("s"));
    }

    [Theory]
    [InlineData("-1K")]
    [InlineData("12 parsecs")]
    [InlineData("9 EiB")]
    [InlineData("1 ZB")]
    public void GetByteSize_NotASize_Throws(string text)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse($"s = {text}").GetByteSize("s"));

        Assert.StartsWith("s: expected a size in bytes (such as 512b, 64KiB or 10MB), got ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("\"Yes\"", true)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    public void GetBoolean_BooleanWord_ReadsExpectedValue(string text, bool expected)
    {
        Assert.Equal(expected, Parse($"b = {text}").GetBoolean("b"));
    }

    [Fact]
    public void GetBoolean_NotABoolean_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("b = maybe").GetBoolean("b"));

        Assert.Equal("b: expected a boolean (true/false, yes/no, on/off), got \"maybe\" (<string> line 1, column 5)", error.Message);
    }

    [Fact]
    public void NumberGetters_NumbersAndNumericStrings_Convert()
    {
        var config = Parse("i = 42\ns = \"17\"\nl = 9000000000\nd = 2.5\ne = 1e3\nn = -3");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(17, config.GetInt("s"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
        Assert.Equal(2.5, config.GetDouble("d"));
        Assert.Equal(1000, config.GetInt("e"));
        Assert.Equal(-3, config.GetInt("n"));
        Assert.Equal(42.0, config.GetDouble("i"));
    }

    [Fact]
    public void GetInt_WrongType_NamesPathValueTypeAndOrigin()
    {
        var config = ConfigurationFactory.ParseString(
            "remoteio {\n  remote {\n    port = abc\n  }\n}",
            ConfigParseOptions.Default.WithSourceName("host.conf"));

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("remoteio.remote.port"));

        Assert.Equal("remoteio.remote.port: expected an integer, got \"abc\" (host.conf line 3, column 12)", error.Message);
        Assert.Equal(new ConfigOrigin("host.conf", 3, 12), error.Origin);
    }

    [Theory]
    [InlineData("x = 9000000000", "x: expected an integer, got 9000000000 (<string> line 1, column 5)")]
    [InlineData("x = 1.5", "x: expected an integer, got 1.5 (<string> line 1, column 5)")]
    [InlineData("x = [1]", "x: expected an integer, got a list of 1 (<string> line 1, column 5)")]
    [InlineData("x { y = 1 }", "x: expected an integer, got an object (<string> line 1, column 3)")]
    [InlineData("x = null", "x: expected an integer, got null (<string> line 1, column 5)")]
    [InlineData("x = true", "x: expected an integer, got true (<string> line 1, column 5)")]
    public void GetInt_NotAnInt_ThrowsExactMessage(string document, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(document).GetInt("x"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Getters_MissingWithoutDefault_ThrowNamingThePath()
    {
        var config = Parse("remoteio.remote { }");

        var error = Assert.Throws<ConfigurationException>(() => config.GetString("remoteio.remote.hostname"));

        Assert.Equal("remoteio.remote.hostname: no value is configured and no default was given", error.Message);
        Assert.Equal("remoteio.remote.hostname", error.Path);
        Assert.Throws<ConfigurationException>(() => config.GetInt("a"));
        Assert.Throws<ConfigurationException>(() => config.GetLong("a"));
        Assert.Throws<ConfigurationException>(() => config.GetDouble("a"));
        Assert.Throws<ConfigurationException>(() => config.GetBoolean("a"));
        Assert.Throws<ConfigurationException>(() => config.GetTimeSpan("a"));
        Assert.Throws<ConfigurationException>(() => config.GetByteSize("a"));
        Assert.Throws<ConfigurationException>(() => config.GetStringList("a"));
        Assert.Throws<ConfigurationException>(() => config.GetIntList("a"));
    }

    [Fact]
    public void Getters_MissingOrNullWithDefault_ReturnTheDefault()
    {
        var config = Parse("n = null");

        Assert.Equal("d", config.GetString("a", "d"));
        Assert.Null(config.GetString("a", null));
        Assert.Equal("d", config.GetString("n", "d"));
        Assert.Equal(7, config.GetInt("n", 7));
        Assert.Equal(7L, config.GetLong("a", 7L));
        Assert.Equal(0.5, config.GetDouble("a", 0.5));
        Assert.True(config.GetBoolean("a", true));
        Assert.Equal(99L, config.GetByteSize("a", 99L));
        Assert.Equal(["x"], config.GetStringList("a", ["x"]));
        Assert.Equal([1], config.GetIntList("a", [1]));
    }

    [Fact]
    public void Getters_WrongTypeWithDefault_StillThrow()
    {
        var config = Parse("port = abc");

        Assert.Throws<ConfigurationException>(() => config.GetInt("port", 8509));
    }

    [Fact]
    public void GetString_Scalars_ReturnTextAsWritten()
    {
        var config = Parse("a = 1e3\nb = true\nc = \"q\"\nd = x y");

        Assert.Equal("1e3", config.GetString("a"));
        Assert.Equal("true", config.GetString("b"));
        Assert.Equal("q", config.GetString("c"));
        Assert.Equal("x y", config.GetString("d"));
    }

    [Fact]
    public void ListGetters_Lists_ConvertEachElement()
    {
        var config = Parse("s = [a, 1, true]\ni = [1, \"2\", 3]\nl = [9000000000]\nd = [0.5, 2]\nb = [on, false]");

        Assert.Equal(["a", "1", "true"], config.GetStringList("s"));
        Assert.Equal([1, 2, 3], config.GetIntList("i"));
        Assert.Equal([9_000_000_000L], config.GetLongList("l"));
        Assert.Equal([0.5, 2.0], config.GetDoubleList("d"));
        Assert.Equal([true, false], config.GetBooleanList("b"));
    }

    [Fact]
    public void GetIntList_BadElement_NamesTheIndex()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("pins = [4, 17, x]").GetIntList("pins"));

        Assert.Equal("pins[2]: expected an integer, got \"x\" (<string> line 1, column 16)", error.Message);
    }

    [Fact]
    public void GetStringList_NotAList_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("s = abc").GetStringList("s"));

        Assert.Equal("s: expected a list of strings, got \"abc\" (<string> line 1, column 5)", error.Message);
    }

    [Fact]
    public void GetConfig_SubTree_ReadsRelativePathsAndNamesFullPathsInErrors()
    {
        var config = Parse("remoteio.remote { port = 8509, host = x }");

        var remote = config.GetConfig("remoteio.remote");

        Assert.Equal(8509, remote.GetInt("port"));
        var error = Assert.Throws<ConfigurationException>(() => remote.GetInt("host"));
        Assert.StartsWith("remoteio.remote.host: expected an integer", error.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ConfigurationException>(() => remote.GetConfig("tls").GetString("cert"));
        Assert.Equal("remoteio.remote.tls.cert: no value is configured and no default was given", missing.Message);
    }

    [Fact]
    public void GetConfig_Missing_ReturnsEmptyConfig()
    {
        var sub = Parse("a = 1").GetConfig("x.y");

        Assert.True(sub.IsEmpty);
        Assert.False(sub.HasPath("z"));
    }

    [Fact]
    public void GetConfig_NotAnObject_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("a = 1").GetConfig("a"));

        Assert.Equal("a: expected an object, got 1 (<string> line 1, column 5)", error.Message);
    }

    [Fact]
    public void HasPath_NullAndMissingAndPresent_AreDistinguished()
    {
        var config = Parse("a = 1\nn = null\no { }");

        Assert.True(config.HasPath("a"));
        Assert.False(config.HasPath("n"));
        Assert.True(config.HasPath("o"));
        Assert.False(config.HasPath("a.b"));
        Assert.False(config.HasPath("missing"));
        Assert.NotNull(config.GetValue("n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("a{")]
    public void Getters_InvalidPath_ThrowArgumentException(string path)
    {
        Assert.Throws<ArgumentException>(() => Parse("a = 1").GetString(path, "x"));
    }

    [Fact]
    public void AsEnumerable_NestedDocument_YieldsLeavesWithQuotedPathsInOrder()
    {
        var config = Parse("b { c = 1, \"d.e\" = [1, 2] }\na = x\nempty { }\nn = null");

        var pairs = config.AsEnumerable().Select(pair => $"{pair.Key}={pair.Value}").ToList();

        Assert.Equal(["b.c=1", "b.\"d.e\"=[1, 2]", "a=\"x\"", "n=null"], pairs);
    }

    [Fact]
    public void IsEmpty_EmptyDocumentAndEmptyConfig_AreEmpty()
    {
        Assert.True(Parse("# nothing\n").IsEmpty);
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.False(Parse("a = 1").IsEmpty);
    }

    [Fact]
    public void ToString_Document_RendersReadableHocon()
    {
        var config = Parse("remoteio { remote { port = 8509, host = \"0.0.0.0\", tags = [a, b] }, mode = wait }");

        Assert.Equal(
            "remoteio {\n  remote {\n    port = 8509\n    host = \"0.0.0.0\"\n    tags = [\"a\", \"b\"]\n  }\n  mode = \"wait\"\n}\n",
            config.ToString());
    }
}
