using System.Collections.Concurrent;
using System.Net;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Transports;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>
/// Base of actor-level remoting tests: creates actor systems with remoting started, logs them to
/// the test output and keeps their log lines, and terminates them after each test.
/// </summary>
/// <param name="output">Where logs go.</param>
public abstract class RemoteSystems(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Systems to terminate after the test.</summary>
    private readonly List<ActorSystem> _systems = [];

    /// <summary>Every log line of every system.</summary>
    private readonly ConcurrentQueue<LogEvent> _logs = new();

    /// <summary>The test messages (all but <c>Unregistered</c>) plus RemoteIo's own.</summary>
    protected static MessageRegistry NewRegistry() => MessageRegistry.CreateDefault().Register(Ping.Descriptor).Register(Pong.Descriptor).Register(Blob.Descriptor);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.Terminate().WaitAsync(PipeTestExtensions.Guard);
        }
    }

    /// <summary>An actor system with remoting started (not listening).</summary>
    protected (ActorSystem System, Remoting Remoting) NewSystem(string name, RemoteSettings? settings = null, MessageRegistry? registry = null, TimeProvider? time = null, bool quiet = false)
    {
        var system = ActorSystem.Create(name, ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off).WithLogLevel(LogLevel.Debug), time);
        _systems.Add(system);
        system.EventStream.Subscribe<LogEvent>(e =>
        {
            _logs.Enqueue(e);
            if (!quiet && e.Level >= LogLevel.Info)
            {
                try
                {
                    output.WriteLine($"[{name}] {e.Level} {e.LogSource}: {e.Message}");
                }
                catch (InvalidOperationException)
                {
                    // after the test ended
                }
            }
        });
        return (system, Remoting.Start(system, settings ?? RemoteSettings.Default, registry ?? NewRegistry()));
    }

    /// <summary>A host system listening on 127.0.0.1 (free port).</summary>
    protected async Task<(ActorSystem System, Remoting Remoting, Address Address)> NewTcpHostAsync(string name = "host", RemoteSettings? settings = null, MessageRegistry? registry = null)
    {
        var (system, remoting) = NewSystem(name, settings, registry);
        await remoting.ListenAsync(new IPEndPoint(IPAddress.Loopback, 0));
        return (system, remoting, remoting.Address);
    }

    /// <summary>Whether any system logged a line at <paramref name="level"/> containing <paramref name="text"/>.</summary>
    protected bool Logged(LogLevel level, string text) => _logs.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>Resolves <paramref name="path"/> under <paramref name="address"/> on <paramref name="system"/>.</summary>
    protected static IActorRef Resolve(ActorSystem system, Address address, string path) =>
        system.ResolveActorRef(ActorPath.Parse(address + path));

    /// <summary>An in-memory network whose links a test can cut.</summary>
    protected static (InMemoryNetwork Network, RemoteTransport Transport) NewNetwork(TimeProvider? time = null)
    {
        var network = new InMemoryNetwork(time);
        return (network, RemoteTransport.InMemory(network));
    }

    /// <summary>Fails the test with the guard message when a task does not finish in time.</summary>
    protected static Task<T> Guarded<T>(Task<T> task) => task.WaitAsync(PipeTestExtensions.Guard);

    /// <summary>Asserts a condition about logs or state that another thread makes true.</summary>
    protected static Task EventuallyAsync(Func<bool> condition, string what) => Eventually.TrueAsync(condition, what);
}
