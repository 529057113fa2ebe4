using BenchmarkDotNet.Attributes;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Bench.Kernel;

/// <summary>
/// The kernel's message path: one-way throughput between two actors, a Tell from outside the
/// actor system, and ping-pong round trips; each on the default (thread-pool) and the dedicated
/// timing dispatcher. The reported time is per message (per round trip for ping-pong), and the
/// allocation column is per message: a Tell of a pre-allocated message should allocate nothing.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class KernelBenchmarks
{
    /// <summary>Messages per burst (one benchmark invocation).</summary>
    private const int Messages = 2_000_000;

    /// <summary>Round trips per rally (one benchmark invocation).</summary>
    private const int RoundTrips = 300_000;

    /// <summary>The message told from outside (pre-allocated).</summary>
    private static readonly object Payload = new();

    /// <summary>Counts what the receiver got.</summary>
    private readonly Countdown _countdown = new();

    /// <summary>Set at the end of each rally.</summary>
    private readonly ManualResetEventSlim _rallyDone = new();

    /// <summary>The system under test.</summary>
    private ActorSystem _system = null!;

    /// <summary>Counts messages.</summary>
    private IActorRef _receiver = null!;

    /// <summary>Tells bursts to the receiver.</summary>
    private IActorRef _sender = null!;

    /// <summary>Plays ping-pong.</summary>
    private IActorRef _pinger = null!;

    /// <summary>The dispatcher every actor of the benchmark runs on: <c>default</c> (thread pool) or <c>timing</c> (dedicated threads).</summary>
    [Params("default", "timing")]
    public string Dispatcher { get; set; } = "default";

    /// <summary>The dispatcher id for <see cref="Dispatcher"/>.</summary>
    private string DispatcherId => Dispatcher == "timing" ? "remoteio.timing-dispatcher" : "remoteio.actor.default-dispatcher";

    /// <summary>Starts the system and the actors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off"));
        _receiver = _system.ActorOf(Props.Create(() => new CountingReceiver(_countdown)).WithDispatcher(DispatcherId));
        _sender = _system.ActorOf(Props.Create(() => new BurstSender(_receiver)).WithDispatcher(DispatcherId));
        var ponger = _system.ActorOf(Props.Create<Ponger>().WithDispatcher(DispatcherId));
        _pinger = _system.ActorOf(Props.Create(() => new Pinger(ponger, _rallyDone)).WithDispatcher(DispatcherId));
    }

    /// <summary>Stops the system.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Dispose();
        _rallyDone.Dispose();
    }

    /// <summary>One actor tells a pre-allocated message to another, two million times.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void OneWayBetweenActors()
    {
        _countdown.Reset(Messages);
        _sender.Tell(new Burst(Messages), null);
        _countdown.Wait();
    }

    /// <summary>A non-actor thread tells a pre-allocated message to an actor, two million times.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public void TellFromOutside()
    {
        _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _receiver.Tell(Payload, null);
        }

        _countdown.Wait();
    }

    /// <summary>Two actors play ping-pong; one operation is one round trip.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public void PingPongRoundTrip()
    {
        _rallyDone.Reset();
        _pinger.Tell(new Rally(RoundTrips, null), null);
        _rallyDone.Wait();
    }
}
