using System.Net.Sockets;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Facade;

/// <summary>Sessions through the facade: busy pins, secrets, Unix sockets, closing.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task PinAsync_PinOfAnotherClient_ThrowsPinBusyNamingThePin_AndSucceedsAfterItsOwnerClosed()
    {
        await using var host = await TestHost.StartAsync();
        await using var first = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("lab-1"));
        await using var second = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("lab-2"));
        var pin = await first.PinAsync(7, Numbering.Board);
        pin.On();

        var busy = await Assert.ThrowsAsync<PinBusyException>(() => second.PinAsync(4));
        Assert.Contains("GPIO 4", busy.Message, StringComparison.Ordinal);
        Assert.Contains("lab-1", busy.Message, StringComparison.Ordinal);
        Assert.Equal(RejectReason.Busy, busy.Reason);

        await first.CloseAsync();
        var claimed = await second.PinAsync(4);

        Assert.Equal(4, claimed.Gpio);
        Assert.Equal(PinValue.Low, host.Chip.GetLevel(4)); // the first owner's close left it safe
        Assert.Equal(ConnectionState.Closed, first.State);
    }

    [Fact]
    public async Task PinAsync_PowerPin_IsRefusedWithTheHostsReason()
    {
        await using var host = await TestHost.StartAsync();
        await using var server = await host.ConnectAsync();

        var error = await Assert.ThrowsAsync<RequestRejectedException>(() => server.PinAsync(2, Numbering.Board));

        Assert.Equal(RejectReason.NotAGpio, error.Reason);
        Assert.Contains("board pin 2 is 5V power", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionState.Connected, server.State);
    }

    [Fact]
    public async Task Commands_AfterClose_FailWithPinClosedAndAreNotSent()
    {
        await using var host = await TestHost.StartAsync();
        await using var server = await host.ConnectAsync();
        var pin = await server.PinAsync(17);

        var close = pin.Close();
        var late = pin.On(TimeSpan.FromSeconds(1));

        await close.Completion;
        var error = await Assert.ThrowsAsync<PinClosedException>(() => late.Accepted);
        Assert.Contains("GPIO 17", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Chip.Transitions(17), t => t.Level == PinValue.High);
    }

    [Fact]
    public async Task ConnectAsync_WrongSecret_ThrowsAuthenticationException_HostLogsIt_OtherSessionsUntouched()
    {
        var directory = Directory.CreateTempSubdirectory("remoteio-secret-");
        var secretFile = Path.Combine(directory.FullName, "secret");
        await File.WriteAllTextAsync(secretFile, "the right secret\n");
        await using var host = await TestHost.StartAsync($"remoteio.remote.secret-file = \"{secretFile}\"", "remoteio.host.bind = 127.0.0.1");
        var good = RemoteServerOptions.Default.WithSecretFile(secretFile);
        await using var trusted = await host.ConnectAsync(good);
        var pin = await trusted.PinAsync(17);

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => host.ConnectAsync(RemoteServerOptions.Default.WithSecret(SharedSecret.FromText("a wrong secret"))));
        var missing = await Assert.ThrowsAsync<AuthenticationException>(() => host.ConnectAsync());

        Assert.Contains("authentication", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(missing);
        await host.Logs.WaitForAsync(e => e.Message.Contains("AUTHENTICATION_FAILED", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("authentication failed", StringComparison.OrdinalIgnoreCase));
        var result = await pin.On(TimeSpan.FromMilliseconds(10)).Completion;
        Assert.Equal(CommandEnd.Completed, result.End);
        Assert.Equal(ConnectionState.Connected, trusted.State);
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task ConnectUnixSocketAsync_HostOnUnixSocket_DrivesAPin()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"remoteio-it-{Guid.NewGuid():N}.sock"[..40]);
        await using var host = await TestHost.StartAsync($"remoteio.remote.unix {{ enabled = on, path = \"{socket}\" }}");
        Assert.Equal(socket, host.UnixSocket);

        await using var server = await RemoteServer.ConnectUnixSocketAsync(socket);
        var pin = await server.PinAsync(7, Numbering.Board);
        await pin.On(TimeSpan.FromMilliseconds(20)).Completion;
        await server.CloseAsync();

        Assert.Equal([PinValue.High, PinValue.Low], host.Chip.Transitions(4).SkipWhile(t => t.Level == PinValue.Low).Select(t => t.Level));
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_FailsWithATransportError()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => RemoteServer.ConnectAsync("127.0.0.1", port));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
