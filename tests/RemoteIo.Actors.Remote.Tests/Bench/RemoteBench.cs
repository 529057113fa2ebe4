using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Tests.Bench;

/// <summary>
/// Remoting numbers: round trip (message sent → reply received) p50/p99 with one message in
/// flight, and one-way messages per second over one link, for TCP on 127.0.0.1 and a Unix socket,
/// both at the link level (RemoteNode, no actors) and through actors (RemoteActorRef Tell →
/// actor → reply Tell).
/// </summary>
internal static class RemoteBench
{
    /// <summary>Round trips before measuring (JIT, pools, TCP windows).</summary>
    private const int Warmup = 5_000;

    /// <summary>Runs every case and prints one line per result.</summary>
    public static async Task RunAsync(int roundTrips, int oneWay)
    {
        Console.WriteLine($"# remoting bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {roundTrips} round trips, {oneWay} one-way messages per case");
        var directory = Directory.CreateTempSubdirectory("remoteio-bench-");
        try
        {
            foreach (var (name, transport, endPoint) in new (string, RemoteTransport, EndPoint)[]
            {
                ("tcp", RemoteTransport.Tcp(), new IPEndPoint(IPAddress.Loopback, 0)),
                ("uds", RemoteTransport.UnixSocket(), new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "bench.sock"))),
            })
            {
                await LinkRoundTripAsync(name, transport, endPoint, roundTrips);
                await LinkOneWayAsync(name, transport, endPoint, oneWay);
                await ActorRoundTripAsync(name, transport, endPoint, roundTrips);
                await ActorOneWayAsync(name, transport, endPoint, oneWay);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Link level: client queues a Ping, server's handler answers a Pong, client waits for it.</summary>
    private static async Task LinkRoundTripAsync(string name, RemoteTransport transport, EndPoint endPoint, int count)
    {
        var (server, client, association) = await PairAsync(transport, endPoint);
        await using (server)
        await using (client)
        {
            _ = Task.Run(async () =>
            {
                while (await server.Handler.Deliveries.Reader.WaitToReadAsync())
                {
                    while (server.Handler.Deliveries.Reader.TryRead(out var d))
                    {
                        TestNode.Send(d.Association, new Pong { Number = ((Ping)d.Delivery.Message).Number }, d.Delivery.Sender, d.Delivery.Recipient);
                    }
                }
            });
            var samples = new long[count];
            var ping = new Ping();
            for (var i = -Warmup; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                TestNode.Send(association, ping);
                await client.Handler.Deliveries.Reader.ReadAsync();
                if (i >= 0)
                {
                    samples[i] = Stopwatch.GetTimestamp() - start;
                }
            }

            Report($"{name} link round trip", samples);
        }
    }

    /// <summary>Link level: client queues messages as fast as the queue takes them; time until the server handled the last.</summary>
    private static async Task LinkOneWayAsync(string name, RemoteTransport transport, EndPoint endPoint, int count)
    {
        var (server, client, association) = await PairAsync(transport, endPoint);
        await using (server)
        await using (client)
        {
            var ping = new Ping { Number = 1 };
            var received = 0;
            var done = new TaskCompletionSource();
            _ = Task.Run(async () =>
            {
                while (await server.Handler.Deliveries.Reader.WaitToReadAsync())
                {
                    while (server.Handler.Deliveries.Reader.TryRead(out _))
                    {
                        if (++received == count)
                        {
                            done.SetResult();
                        }
                    }
                }
            });
            var item = TestNode.Item(ping);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                if (association.Queue.TryEnqueue(item) != EnqueueResult.Enqueued)
                {
                    await association.Queue.EnqueueAsync(item, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
                }
            }

            await done.Task;
            ReportRate($"{name} link one-way", count, Stopwatch.GetElapsedTime(started), GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }
    }

    /// <summary>Actors: a client actor Tells Ping to a remote echo actor and sends the next when the Pong arrives.</summary>
    private static async Task ActorRoundTripAsync(string name, RemoteTransport transport, EndPoint endPoint, int count)
    {
        var (host, client, address) = await SystemsAsync(transport, endPoint);
        try
        {
            host.ActorOf(Props.Create(() => new Actors.EchoActor(null)), "echo");
            var echo = client.ResolveActorRef(ActorPath.Parse(address + "/user/echo"));
            var finished = new TaskCompletionSource<long[]>();
            client.ActorOf(Props.Create(() => new PingPongActor(echo, Warmup, count, finished)), "pinger");
            Report($"{name} actor round trip", await finished.Task);
        }
        finally
        {
            await client.Terminate();
            await host.Terminate();
        }
    }

    /// <summary>Actors: Tell a million Pings to a remote counting actor; time until it counted the last.</summary>
    private static async Task ActorOneWayAsync(string name, RemoteTransport transport, EndPoint endPoint, int count)
    {
        var (host, client, address) = await SystemsAsync(transport, endPoint);
        try
        {
            var done = new TaskCompletionSource();
            host.ActorOf(Props.Create(() => new CountingActor(count, done)), "counter");
            var counter = client.ResolveActorRef(ActorPath.Parse(address + "/user/counter"));
            var ping = new Ping { Number = 1 };
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                counter.Tell(ping, null); // the queue is sized to hold them all: nothing is refused
            }

            await done.Task;
            ReportRate($"{name} actor one-way", count, Stopwatch.GetElapsedTime(started), GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }
        finally
        {
            await client.Terminate();
            await host.Terminate();
        }
    }

    /// <summary>A listening server node and a connected client node.</summary>
    private static async Task<(TestNode Server, TestNode Client, Association Association)> PairAsync(RemoteTransport transport, EndPoint endPoint)
    {
        var server = new TestNode("server", RemoteSettings.Default);
        var listener = await server.ListenAsync(transport, endPoint);
        var client = new TestNode("client", RemoteSettings.Default);
        return (server, client, await client.ConnectAsync(transport, listener.LocalEndPoint));
    }

    /// <summary>A listening host system and a connected client system (logs off, queue sized for the bench).</summary>
    private static async Task<(ActorSystem Host, ActorSystem Client, Address Address)> SystemsAsync(RemoteTransport transport, EndPoint endPoint)
    {
        var settings = ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Warning).WithLogLevel(LogLevel.Warning);
        var remote = RemoteSettings.Default.WithOutboundQueue(4_000_000, OutboundOverflowMode.Fail);
        var registry = MessageRegistry.CreateDefault().Register(Ping.Descriptor).Register(Pong.Descriptor);
        var host = ActorSystem.Create("host", settings);
        var hostRemoting = Remoting.Start(host, remote, registry);
        var bound = await hostRemoting.ListenAsync(endPoint, transport);
        var client = ActorSystem.Create("client", settings);
        var address = await Remoting.Start(client, remote, registry).ConnectAsync(bound, transport);
        return (host, client, address);
    }

    /// <summary>Prints p50/p99/p99.9 and the mean of round-trip samples (Stopwatch ticks).</summary>
    private static void Report(string what, long[] samples)
    {
        Array.Sort(samples);
        double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        double At(double q) => Micros(samples[(int)Math.Min(samples.Length - 1, q * samples.Length)]);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what,-26} p50 {At(0.50),8:0.0} us   p99 {At(0.99),8:0.0} us   p99.9 {At(0.999),8:0.0} us   mean {samples.Average(Micros),8:0.0} us   (n={samples.Length})"));
    }

    /// <summary>Prints a rate (and the bytes allocated per message, both systems together, when measured).</summary>
    private static void ReportRate(string what, int count, TimeSpan elapsed, long allocated = -1) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what,-26} {count / elapsed.TotalSeconds,12:N0} msg/s   ({count} in {elapsed.TotalMilliseconds:0} ms){(allocated < 0 ? string.Empty : $"   {allocated / (double)count:0} B allocated per message (sender + receiver)")}"));

    /// <summary>Sends a Ping, records the time to its Pong, sends the next; completes with the samples.</summary>
    private sealed class PingPongActor : ReceiveActor
    {
        public PingPongActor(IActorRef echo, int warmup, int count, TaskCompletionSource<long[]> finished)
        {
            var samples = new long[count];
            var index = -warmup;
            var started = 0L;
            var ping = new Ping();
            Receive<Pong>(_ =>
            {
                if (index >= 0)
                {
                    samples[index] = Stopwatch.GetTimestamp() - started;
                }

                if (++index == count)
                {
                    finished.SetResult(samples);
                    return;
                }

                started = Stopwatch.GetTimestamp();
                echo.Tell(ping, Self);
            });
            Receive<string>(_ =>
            {
                started = Stopwatch.GetTimestamp();
                echo.Tell(ping, Self);
            });
        }

        protected override void PreStart() => Self.Tell("go", Self);
    }

    /// <summary>Counts Pings; completes when it has seen the expected number.</summary>
    private sealed class CountingActor : ReceiveActor
    {
        public CountingActor(int expected, TaskCompletionSource done)
        {
            var seen = 0;
            Receive<Ping>(_ =>
            {
                if (++seen == expected)
                {
                    done.SetResult();
                }
            });
        }
    }
}
