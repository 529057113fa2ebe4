using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Links;

/// <summary>Reconnect with backoff: within the host's resume grace period the session and its claims survive a lost link.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task LinkReset_ClientReconnectsWithinGrace_SessionAndClaimResume()
    {
        await using var host = await TestHost.StartAsync("remoteio.remote.resume-grace-period = 10s");
        await using var proxy = new TcpProxy(host.Tcp);
        var options = RemoteServerOptions.Default
            .WithClientName("roaming")
            .WithReconnect(ReconnectSettings.Enabled.WithBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)));
        await using var server = await RemoteServer.ConnectAsync("127.0.0.1", proxy.Port, options);
        var states = new List<ConnectionState>();
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.ConnectionStateChanged += (_, state) =>
        {
            lock (states)
            {
                states.Add(state);
            }

            if (state == ConnectionState.Connected)
            {
                resumed.TrySetResult();
            }
        };
        var pin = await server.PinAsync(17);
        var session = server.SessionId;

        proxy.ResetAll();
        await resumed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([ConnectionState.Reconnecting, ConnectionState.Connected], states);
        var result = await pin.On(TimeSpan.FromMilliseconds(5)).Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(CommandEnd.Completed, result.End);
        Assert.Equal(session, server.SessionId);
        await using var other = await host.ConnectAsync();
        await Assert.ThrowsAsync<PinBusyException>(() => other.PinAsync(17));
    }

    [Fact]
    public async Task LinkReset_WithoutGrace_IsLostForGood_PendingWorkFailsAndThePinIsReleased()
    {
        await using var host = await TestHost.StartAsync();
        await using var proxy = new TcpProxy(host.Tcp);
        await using var server = await RemoteServer.ConnectAsync("127.0.0.1", proxy.Port);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.ConnectionStateChanged += (_, state) =>
        {
            if (state == ConnectionState.Lost)
            {
                lost.TrySetResult();
            }
        };
        var pin = await server.PinAsync(17);

        proxy.ResetAll();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<ConnectionLostException>(() => pin.On().Accepted);
        Assert.Contains("was lost", error.Message, StringComparison.Ordinal);
        await using var other = await host.ConnectAsync();
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    await other.PinAsync(17);
                    return true;
                }
                catch (PinBusyException)
                {
                    return false;
                }
            },
            "the lost session's pin is released");
    }
}
