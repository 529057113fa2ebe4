using System.Net;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Fakes;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>A pigpio endpoint listening on a free loopback port, over a fake board on the real clock.</summary>
public abstract class PigpioListenerTestBase : IAsyncLifetime
{
    protected FakeBoard Board { get; } = new();

    protected PigpioServer Server { get; private set; } = null!;

    protected CompatListener Listener { get; private set; } = null!;

    protected IPEndPoint Endpoint { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new PigpioServer(Board);
        Listener = new CompatListener(Server, new CompatEndpointOptions());
        Endpoint = Listener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Listener.DisposeAsync();
        Server.Dispose();
    }
}
