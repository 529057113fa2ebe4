using RemoteIo.Actors.Remote;
using RemoteIo.Host;
using RemoteIo.Host.Hosting;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Host;

/// <summary>The bind decision: every interface only with a secret, loopback otherwise, and a log line that says why.</summary>
public sealed class EndpointBindingTests
{
    private static readonly RemoteSettings Tcp = RemoteSettings.Default.WithTcp(TcpEndpointSettings.Default.WithEnabled(true));

    [Fact]
    public void Apply_AutoWithoutSecret_BindsLoopbackAndSaysWhy()
    {
        var (settings, line) = Apply(Tcp, HostSettings.Default);

        Assert.Equal("127.0.0.1", settings.Tcp.Hostname);
        Assert.Contains("loopback only", line, StringComparison.Ordinal);
        Assert.Contains("no shared secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AutoWithSecret_BindsEveryInterfaceAndSaysWhy()
    {
        var (settings, line) = Apply(Tcp.WithSecret(SharedSecret.FromText("correct horse battery")), HostSettings.Default);

        Assert.Equal("0.0.0.0", settings.Tcp.Hostname);
        Assert.Contains("all interfaces", line, StringComparison.Ordinal);
        Assert.Contains("must authenticate", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ExplicitBind_IsUsedAsGiven()
    {
        var (settings, line) = Apply(Tcp, HostSettings.Default.WithBind("::1"));

        Assert.Equal("::1", settings.Tcp.Hostname);
        Assert.Contains("as configured", line, StringComparison.Ordinal);
        Assert.Equal(8509, settings.Tcp.Port);
    }

    private static (RemoteSettings Settings, string Line) Apply(RemoteSettings remote, HostSettings host)
    {
        using var logs = new CapturingLoggerProvider();
        var settings = EndpointBinding.Apply(remote, host, logs.CreateLogger("test"));
        return (settings, Assert.Single(logs.Entries).Message);
    }
}
