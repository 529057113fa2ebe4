using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>HOCON as a Microsoft.Extensions.Configuration source: options classes bind normally.</summary>
public sealed class MicrosoftConfigurationTests : IDisposable
{
    private const string Document = """
        remoteio {
          remote {
            hostname = "0.0.0.0"
            port = 8509
            require-auth = true
            allowed-clients = [alpha, beta]
            ports = [1, 2, 3]
            heartbeat-interval = 1.5s
            max-frame-size = 64KiB
            tls { enabled = false, cert = /etc/cert.pem }
            empty-list = []
          }
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class RemoteOptions
    {
        public string Hostname { get; set; } = "";
        public int Port { get; set; }
        public bool RequireAuth { get; set; }
        public List<string> AllowedClients { get; set; } = [];
        public int[] Ports { get; set; } = [];
        public string HeartbeatInterval { get; set; } = "";
        public string MaxFrameSize { get; set; } = "";
        public TlsOptions Tls { get; set; } = new();
        public TimeSpan HeartbeatValue => HoconDuration.Parse(HeartbeatInterval);
    }

    public sealed class TlsOptions
    {
        public bool Enabled { get; set; } = true;
        public string Cert { get; set; } = "";
    }

    private static void AssertBound(RemoteOptions options)
    {
        Assert.Equal("0.0.0.0", options.Hostname);
        Assert.Equal(8509, options.Port);
        Assert.True(options.RequireAuth);
        Assert.Equal(["alpha", "beta"], options.AllowedClients);
        Assert.Equal([1, 2, 3], options.Ports);
        Assert.Equal("1.5s", options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.HeartbeatValue);
        Assert.Equal(65536, HoconByteSize.Parse(options.MaxFrameSize));
        Assert.False(options.Tls.Enabled);
        Assert.Equal("/etc/cert.pem", options.Tls.Cert);
    }

    [Fact]
    public void ServicesConfigure_HoconString_BindsAnOptionsClass()
    {
        var configuration = new ConfigurationBuilder().AddHoconString(Document).Build();
        var services = new ServiceCollection();
        services.Configure<RemoteOptions>(configuration.GetSection("remoteio:remote"));
        using var provider = services.BuildServiceProvider();

        AssertBound(provider.GetRequiredService<IOptions<RemoteOptions>>().Value);
    }

    [Fact]
    public void AddHoconFile_File_BindsAndResolvesIncludesNextToIt()
    {
        _dir.Write("conf/defaults.conf", Document);
        _dir.Write("conf/host.conf", "include \"defaults.conf\"\nremoteio.remote.port = 9000");
        var configuration = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("conf/host.conf").Build();

        var options = configuration.GetSection("remoteio:remote").Get<RemoteOptions>()!;

        Assert.Equal(9000, options.Port);
        Assert.Equal("0.0.0.0", options.Hostname);
    }

    [Fact]
    public void AddHoconFile_MissingOptionalFile_AddsNothing()
    {
        var configuration = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("absent.conf", optional: true).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_MissingRequiredFile_Throws()
    {
        var builder = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("absent.conf");

        Assert.Throws<FileNotFoundException>(() => builder.Build());
    }

    [Fact]
    public void AddHoconFile_InvalidFile_ReportsFileLineAndColumn()
    {
        var path = _dir.Write("bad.conf", "a {\n  b = ]\n}");
        var builder = new ConfigurationBuilder().SetBasePath(_dir.Path).AddHoconFile("bad.conf");

        var error = Assert.Throws<InvalidDataException>(() => builder.Build());

        var inner = Assert.IsType<ConfigurationException>(error.InnerException);
        Assert.Equal($"{path}:2:7: expected a value for 'a.b', found ']'", inner.Message);
    }

    [Fact]
    public void AddHocon_LayeredConfig_FlattensKeysWithColonsAndIndexes()
    {
        var configuration = new ConfigurationBuilder().AddHocon(ConfigurationFactory.ParseString(Document)).Build();

        Assert.Equal("8509", configuration["remoteio:remote:port"]);
        Assert.Equal("beta", configuration["remoteio:remote:allowed-clients:1"]);
        Assert.Equal("true", configuration["REMOTEIO:Remote:Require-Auth"]);
        Assert.Null(configuration["remoteio:remote:empty-list"]);
        Assert.True(configuration.GetSection("remoteio:remote:empty-list").Exists() || configuration.AsEnumerable().Any(p => p.Key == "remoteio:remote:empty-list"));
    }

    [Fact]
    public void AddHocon_KebabCaseKeys_AreAlsoOfferedWithoutDashes()
    {
        var configuration = new ConfigurationBuilder().AddHoconString("a-b { c-d = 1, e = [x-y] }\nab.cd = 2\nf-g = 3").Build();

        Assert.Equal("1", configuration["a-b:c-d"]);
        Assert.Equal("x-y", configuration["ab:e:0"]);
        Assert.Equal("2", configuration["ab:cd"]);
        Assert.Equal("3", configuration["fg"]);
    }

    [Fact]
    public void GetDuration_HoconDurationString_IsRead()
    {
        var configuration = new ConfigurationBuilder().AddHoconString(Document).Build();

        Assert.Equal(TimeSpan.FromMilliseconds(1500), configuration.GetDuration("remoteio:remote:heartbeat-interval"));
        Assert.Equal(65536L, configuration.GetByteSize("remoteio:remote:max-frame-size"));
        Assert.Equal(TimeSpan.FromSeconds(1), configuration.GetDuration("remoteio:remote:absent", TimeSpan.FromSeconds(1)));
        var error = Assert.Throws<ConfigurationException>(() => configuration.GetDuration("remoteio:remote:hostname"));
        Assert.Equal("remoteio:remote:hostname: expected a duration (such as 100ms, 2s or 1.5h), got \"0.0.0.0\"", error.Message);
    }
}
