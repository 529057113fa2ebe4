using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Hosting;

/// <summary>AddActorSystem over the Generic Host: start-up steps, the registry, shutdown, logging.</summary>
public sealed class ActorSystemHostingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AddActorSystem_StartedHost_InjectsRegisteredActorIntoService()
    {
        using var host = BuildHost(b => b.WithActors((system, registry) => registry.Register<Echo>(system.ActorOf(Props.Create(() => new Echo()), "echo"))));
        await host.StartAsync();

        var greeter = host.Services.GetRequiredService<Greeter>();
        var reply = await greeter.GreetAsync("hello");

        Assert.Equal("echo: hello", reply);
        Assert.Equal("/user/echo", host.Services.GetRequiredService<IRequiredActor<Echo>>().ActorRef.Path.ToStringWithoutAddress());
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_Steps_RunInOrderEachAfterThePreviousFinished()
    {
        var order = new List<string>();
        using var host = BuildHost(b => b
            .WithActors((_, _) => order.Add("actors 1"))
            .WithStartup("slow async", async (_, _, _, _) =>
            {
                await Task.Yield();
                order.Add("async");
            })
            .WithActors((_, _, _) => order.Add("actors 2")));

        await host.StartAsync();

        Assert.Equal(["actors 1", "async", "actors 2"], order);
        await host.StopAsync();
    }

    [Fact]
    public async Task StopAsync_ShutdownTasks_RunInPhaseOrderThenSystemTerminates()
    {
        var order = new List<string>();
        using var host = BuildHost(b => b
            .WithShutdownTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", (_, _) => Record(order, "before-terminate"))
            .WithShutdownTask(CoordinatedShutdown.PhaseServiceUnbind, "first", (_, _) => Record(order, "unbind"))
            .WithShutdownTask(CoordinatedShutdown.PhaseServiceStop, "middle", (_, _) => Record(order, "stop")));
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();

        await host.StopAsync();

        Assert.Equal(["unbind", "stop", "before-terminate"], order);
        Assert.True(system.WhenTerminated.IsCompleted, "the actor system must have terminated when StopAsync returns");
        Assert.Equal(ShutdownReason.ProcessExit, CoordinatedShutdown.Get(system).Reason);
    }

    [Fact]
    public async Task StartAsync_FailingStep_FailsNamingTheStepAndTerminatesSystem()
    {
        var ran = false;
        using var host = BuildHost(b => b
            .WithStartup("bind the widget", (_, _, _, _) => throw new IOException("port in use"))
            .WithActors((_, _) => ran = true));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("'bind the widget' failed: port in use", error.Message, StringComparison.Ordinal);
        Assert.False(ran, "steps after a failed one must not run");
        await host.Services.GetRequiredService<ActorSystem>().WhenTerminated.WaitAsync(Timeout);
    }

    [Fact]
    public async Task ActorSystem_TerminatedByItself_StopsTheHost()
    {
        using var host = BuildHost(_ => { });
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.Services.GetRequiredService<ActorSystem>().Terminate();

        await stopping.Task.WaitAsync(Timeout);
        await host.StopAsync();
    }

    [Fact]
    public async Task LoggingBridge_KernelLogEvent_ReachesILoggerWithActorPath()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(b => b.WithHocon("remoteio.actor.loglevel = DEBUG"), logs);
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();

        system.Log.Warning("pin {0} is getting warm", 17);

        var entry = await logs.WaitForAsync(e => e.Message.Contains("pin 17 is getting warm", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(typeof(ActorSystem).FullName, entry.Category);
        Assert.Equal(system.Name, entry.Properties["ActorPath"]);
        Assert.Equal("off", system.Settings.Config.GetString("remoteio.actor.stdout-loglevel"));
        await host.StopAsync();
    }

    [Fact]
    public void AddActorSystem_InvalidName_IsRefusedAtRegistration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddActorSystem("my system", _ => { }));

        Assert.Contains("[my system]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddActorSystem_Twice_IsRefused()
    {
        var services = new ServiceCollection().AddActorSystem("one", _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => services.AddActorSystem("two", _ => { }));

        Assert.Contains("one actor system", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithShutdownTask_UnknownPhase_IsRefused()
    {
        using var host = BuildHost(b => b.WithShutdownTask("after-everything", "x", (_, _) => Task.CompletedTask));

        var error = Assert.Throws<ArgumentException>(() => host.Services.GetRequiredService<ActorSystem>());

        Assert.Contains("[after-everything]", error.Message, StringComparison.Ordinal);
    }

    private static Task Record(List<string> order, string name)
    {
        lock (order)
        {
            order.Add(name);
        }

        return Task.CompletedTask;
    }

    private static IHost BuildHost(Action<ActorSystemBuilder> configure, CapturingLoggerProvider? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddActorSystem("hosting-test", configure);
        builder.Services.AddSingleton<Greeter>();
        return builder.Build();
    }

    /// <summary>Replies "echo: " + the text it receives.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(text => Sender.Tell("echo: " + text, Self));
    }

    /// <summary>A service that depends on an actor through IRequiredActor.</summary>
    private sealed class Greeter(IRequiredActor<Echo> echo)
    {
        public async Task<string> GreetAsync(string text) => await (await echo.GetAsync()).Ask<string>(text, Timeout);
    }
}
