using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Fakes;
using RemoteIo.TestKit;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>A pigpio server over a fake board on a virtual clock, and the clients a test opens on it.</summary>
public sealed class PigpioHarness : IAsyncDisposable
{
    private readonly List<PigpioClient> _clients = [];

    public PigpioHarness(PigpioOptions? options = null)
    {
        Board = new FakeBoard(Clock);
        Server = new PigpioServer(Board, options, Clock);
    }

    public ManualTimeProvider Clock { get; } = new();

    public FakeBoard Board { get; }

    public PigpioServer Server { get; }

    /// <summary>Waits until the server has scheduled <paramref name="count"/> timers on the virtual clock (work it started on another thread).</summary>
    public void WaitForTimers(int count)
    {
        if (!SpinWait.SpinUntil(() => Clock.PendingTimerCount >= count, PipeConnection.Patience))
        {
            throw new TimeoutException($"the server scheduled {Clock.PendingTimerCount} timers, not {count}");
        }
    }

    public PigpioClient Connect()
    {
        var client = new PigpioClient(Server);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        Server.Dispose();
    }
}
