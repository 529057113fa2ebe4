namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>Substitutions that the document does not define fall back to the environment.</summary>
public sealed class SubstitutionEnvironmentTests
{
    private static ConfigParseOptions WithEnvironment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return ConfigParseOptions.Default.WithEnvironment(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void OptionalSubstitution_EnvironmentVariableSet_UsesIt()
    {
        var config = ConfigurationFactory.ParseString("key = ${?REMOTEIO_KEY}", WithEnvironment(("REMOTEIO_KEY", "s3cret")));

        Assert.Equal("s3cret", config.GetString("key"));
        Assert.Equal("environment variable REMOTEIO_KEY", config.GetValue("key")!.Origin.Description);
    }

    [Fact]
    public void OptionalSubstitution_EnvironmentVariableUnset_KeepsTheEarlierValue()
    {
        var config = ConfigurationFactory.ParseString("port = 8509\nport = ${?REMOTEIO_PORT}", WithEnvironment());

        Assert.Equal(8509, config.GetInt("port"));
    }

    [Fact]
    public void OptionalSubstitution_EnvironmentVariableSet_OverridesTheEarlierValue()
    {
        var config = ConfigurationFactory.ParseString("port = 8509\nport = ${?REMOTEIO_PORT}", WithEnvironment(("REMOTEIO_PORT", "9000")));

        Assert.Equal(9000, config.GetInt("port"));
    }

    [Fact]
    public void RequiredSubstitution_OnlyInEnvironment_UsesIt()
    {
        var config = ConfigurationFactory.ParseString("home = ${HOME_DIR}/.remoteio", WithEnvironment(("HOME_DIR", "/home/pi")));

        Assert.Equal("/home/pi/.remoteio", config.GetString("home"));
    }

    [Fact]
    public void RequiredSubstitution_NowhereToBeFound_NamesPathAndUser()
    {
        var error = Assert.Throws<ConfigurationException>(
            () => ConfigurationFactory.ParseString("a {\n  b = ${NOT_SET_ANYWHERE}\n}", WithEnvironment()));

        Assert.Equal(
            "<string>:2:7: could not resolve substitution ${NOT_SET_ANYWHERE} used by 'a.b': no such setting, nor is there an environment variable NOT_SET_ANYWHERE (write ${?NOT_SET_ANYWHERE} if it may be missing)",
            error.Message);
        Assert.Equal("a.b", error.Path);
    }

    [Fact]
    public void SelfReference_NoPriorValue_ExtendsTheEnvironmentVariable()
    {
        var config = ConfigurationFactory.ParseString("PATH = ${PATH}\":/opt/remoteio\"", WithEnvironment(("PATH", "/usr/bin")));

        Assert.Equal("/usr/bin:/opt/remoteio", config.GetString("PATH"));
    }

    [Fact]
    public void Substitution_DefinedAsNull_DoesNotLookAtTheEnvironment()
    {
        var config = ConfigurationFactory.ParseString("HOME = null\nh = ${HOME}", WithEnvironment(("HOME", "/root")));

        Assert.False(config.HasPath("h"));
        Assert.True(config.GetValue("h") is ConfigScalar { IsNull: true });
    }

    [Fact]
    public void Substitution_DefinedInDocument_WinsOverTheEnvironment()
    {
        var config = ConfigurationFactory.ParseString("USER = config\nu = ${USER}", WithEnvironment(("USER", "env")));

        Assert.Equal("config", config.GetString("u"));
    }

    [Fact]
    public void DefaultOptions_ReadTheProcessEnvironment()
    {
        var name = "REMOTEIO_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            var config = ConfigurationFactory.ParseString($"v = ${{?{name}}}");

            Assert.Equal("from-process", config.GetString("v"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
