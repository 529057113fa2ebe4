using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Integration.Tests.Hosting;

/// <summary>The actor registry: keys by type, one registration per key, waiting for late registrations.</summary>
public sealed class ActorRegistryTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("registry-test");

    public void Dispose() => _system.Dispose();

    [Fact]
    public async Task GetAsync_BeforeRegistration_CompletesWhenRegistered()
    {
        var registry = new ActorRegistry();
        var waiting = registry.GetAsync<Pins>();
        Assert.False(waiting.IsCompleted);

        var actor = _system.ActorOf(Props.Create(() => new Idle()), "pins");
        registry.Register<Pins>(actor);

        Assert.Same(actor, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task GetAsync_Cancelled_IsCancelledNotLeftHanging()
    {
        var registry = new ActorRegistry();
        using var cancel = new CancellationTokenSource();
        var waiting = registry.GetAsync<Pins>(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void Register_SameKeyTwice_IsRefusedNamingBothActors()
    {
        var registry = new ActorRegistry();
        var first = _system.ActorOf(Props.Create(() => new Idle()), "first");
        var second = _system.ActorOf(Props.Create(() => new Idle()), "second");
        registry.Register<Pins>(first);

        var error = Assert.Throws<DuplicateActorRegistryException>(() => registry.Register<Pins>(second));

        Assert.Contains("/user/first", error.Message, StringComparison.Ordinal);
        Assert.Contains("/user/second", error.Message, StringComparison.Ordinal);
        Assert.Same(first, registry.Get<Pins>());
    }

    [Fact]
    public void Register_Overwrite_ReplacesTheEntry()
    {
        var registry = new ActorRegistry();
        var first = _system.ActorOf(Props.Create(() => new Idle()), "a");
        var second = _system.ActorOf(Props.Create(() => new Idle()), "b");
        registry.Register<Pins>(first);

        registry.Register<Pins>(second, overwrite: true);

        Assert.Same(second, registry.Get<Pins>());
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Get_MissingKey_NamesTheKeyAndWhatIsRegistered()
    {
        var registry = new ActorRegistry();
        registry.Register<Pins>(_system.ActorOf(Props.Create(() => new Idle()), "x"));

        var error = Assert.Throws<MissingActorRegistryEntryException>(() => registry.Get<Idle>());

        Assert.Contains("key Idle", error.Message, StringComparison.Ordinal);
        Assert.Contains("registered: Pins", error.Message, StringComparison.Ordinal);
        Assert.False(registry.TryGet<Idle>(out var none));
        Assert.Same(ActorRefs.Nobody, none);
    }

    private sealed class Pins;

    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }
}
