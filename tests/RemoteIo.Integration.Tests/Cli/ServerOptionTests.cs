using RemoteIo.Cli;

namespace RemoteIo.Integration.Tests.Cli;

/// <summary>--server host[:port] parsing.</summary>
public sealed class ServerOptionTests
{
    [Theory]
    [InlineData("pi.local", "pi.local", 8509)]
    [InlineData("pi.local:9000", "pi.local", 9000)]
    [InlineData("192.168.1.38:1234", "192.168.1.38", 1234)]
    [InlineData("[::1]:8600", "::1", 8600)]
    [InlineData("[fe80::1]", "fe80::1", 8509)]
    [InlineData("fe80::1", "fe80::1", 8509)]
    public void ParseServer_Forms_GiveHostAndPort(string text, string host, int port) =>
        Assert.Equal((host, port), CliGlobalOptions.ParseServer(text, 8509));

    [Theory]
    [InlineData("pi.local:http", "'http' is not a TCP port")]
    [InlineData("pi.local:70000", "'70000' is not a TCP port")]
    [InlineData(":9000", "no host name")]
    [InlineData("[::1", "missing ']'")]
    public void ParseServer_Bad_SaysWhy(string text, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => CliGlobalOptions.ParseServer(text, 8509));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
