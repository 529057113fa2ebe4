using RemoteIo.Actors.Configuration;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>RemoteSettings from HOCON: reference.conf's documented defaults, overrides, and errors that name the key.</summary>
public sealed class RemoteSettingsTests
{
    [Fact]
    public void FromConfig_ReferenceConf_EqualsTheBuiltInDefaults()
    {
        var settings = RemoteSettings.FromConfig(ConfigurationFactory.Reference());

        Assert.Equal(RemoteSettings.Default, settings);
        Assert.Equal(1024 * 1024, settings.MaximumFrameSize);
        Assert.Equal(8509, settings.Tcp.Port);
        Assert.False(settings.Tcp.Enabled);
        Assert.Equal(OutboundOverflowMode.Fail, settings.OutboundOverflow);
        Assert.Null(settings.Secret);
    }

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var config = ConfigurationFactory.ParseString("""
            remoteio.remote {
              tcp { enabled = on, hostname = "0.0.0.0", port = 9000, public-hostname = pi.local }
              unix { enabled = on, path = "/tmp/x.sock", mode = "0600" }
              secret = "a long enough secret"
              maximum-frame-size = 64KiB
              heartbeat-interval = 500ms
              acceptable-heartbeat-pause = 2s
              outbound-queue-capacity = 10
              outbound-overflow = wait
              outbound-wait-timeout = 250ms
              resume-grace-period = 30s
              receive-threads = 3
              send-stall-timeout = 5s
              client { id = kitchen, connect-timeout = 2s, reconnect { enabled = on, min-backoff = 50ms, max-backoff = 1s, max-attempts = 7 } }
            }
            """).WithFallback(ConfigurationFactory.Reference());

        var s = RemoteSettings.FromConfig(config);

        Assert.Equal((true, "0.0.0.0", 9000, "pi.local"), (s.Tcp.Enabled, s.Tcp.Hostname, s.Tcp.Port, s.Tcp.PublicHostname));
        Assert.Equal((true, "/tmp/x.sock", UnixFileMode.UserRead | UnixFileMode.UserWrite), (s.Unix.Enabled, s.Unix.Path, s.Unix.Mode));
        Assert.Equal(s.Unix.Mode, s.Transport.UnixSocketFileMode);
        Assert.NotNull(s.Secret);
        Assert.Equal(64 * 1024, s.MaximumFrameSize);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), s.HeartbeatDeadline);
        Assert.Equal((10, OutboundOverflowMode.Wait, TimeSpan.FromMilliseconds(250)), (s.OutboundQueueCapacity, s.OutboundOverflow, s.OutboundWaitTimeout));
        Assert.Equal(TimeSpan.FromSeconds(30), s.ResumeGracePeriod);
        Assert.Equal((3, TimeSpan.FromSeconds(5)), (s.Transport.ReceiveThreads, s.Transport.SendStallTimeout));
        Assert.Equal(("kitchen", TimeSpan.FromSeconds(2)), (s.ClientId, s.ConnectTimeout));
        Assert.Equal((true, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), 7), (s.Reconnect.IsEnabled, s.Reconnect.MinBackoff, s.Reconnect.MaxBackoff, s.Reconnect.MaxAttempts));
    }

    [Theory]
    [InlineData("outbound-overflow = sometimes", "remoteio.remote.outbound-overflow: expected fail or wait")]
    [InlineData("maximum-frame-size = 1b", "remoteio.remote.maximum-frame-size")]
    [InlineData("unix.mode = \"0999\"", "remoteio.remote.unix: expected an octal file mode")]
    [InlineData("secret = short", "remoteio.remote.secret: the shared secret from text is 5 bytes")]
    [InlineData("secret-file = \"/nonexistent/remoteio.secret\"", "cannot read the secret file /nonexistent/remoteio.secret")]
    [InlineData("tcp.port = 70000", "remoteio.remote.tcp")]
    [InlineData("receive-threads = -1", "remoteio.remote.receive-threads")]
    [InlineData("send-stall-timeout = 0s", "remoteio.remote.send-stall-timeout")]
    public void FromConfig_BadValue_ConfigurationExceptionNamingTheKey(string setting, string expected)
    {
        var config = ConfigurationFactory.ParseString("remoteio.remote." + setting).WithFallback(ConfigurationFactory.Reference());

        var error = Assert.Throws<ConfigurationException>(() => RemoteSettings.FromConfig(config));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithSecret_NeverShowsIt()
    {
        var settings = RemoteSettings.Default.WithSecret(SharedSecret.FromText("do-not-print-me"));

        Assert.DoesNotContain("do-not-print-me", settings.ToString(), StringComparison.Ordinal);
    }
}
