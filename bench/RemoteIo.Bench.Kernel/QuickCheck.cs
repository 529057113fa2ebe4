using System.Diagnostics;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Bench.Kernel;

/// <summary>
/// Console modes without BenchmarkDotNet: <c>--latency</c> prints the ping-pong round-trip
/// percentiles from a Stopwatch histogram; <c>--throughput</c> a quick one-way rate.
/// </summary>
public static class QuickCheck
{
    /// <summary>Round trips per latency run.</summary>
    private const int RoundTrips = 200_000;

    /// <summary>Runs the ping-pong latency histogram on <paramref name="dispatcher"/>.</summary>
    /// <param name="dispatcher">The dispatcher id both actors run on.</param>
    public static void Latency(string dispatcher)
    {
        using var system = ActorSystem.Create("latency", ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off"));
        using var done = new ManualResetEventSlim();
        var ponger = system.ActorOf(Props.Create<Ponger>().WithDispatcher(dispatcher));
        var pinger = system.ActorOf(Props.Create(() => new Pinger(ponger, done)).WithDispatcher(dispatcher));

        RunRally(pinger, done, RoundTrips, null);
        var samples = new long[RoundTrips];
        RunRally(pinger, done, RoundTrips, samples);

        Array.Sort(samples);
        double Us(double q) => samples[(int)Math.Min(samples.Length - 1, q * samples.Length)] * 1_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine($"ping-pong round trip on {dispatcher} ({RoundTrips} round trips): p50 {Us(0.50):0.0} us, p90 {Us(0.90):0.0} us, p99 {Us(0.99):0.0} us, p99.9 {Us(0.999):0.0} us, max {Us(1.0):0.0} us");
    }

    /// <summary>Measures one-way throughput between two actors on <paramref name="dispatcher"/>.</summary>
    /// <param name="dispatcher">The dispatcher id both actors run on.</param>
    public static void Throughput(string dispatcher)
    {
        const int messages = 2_000_000;
        using var system = ActorSystem.Create("throughput", ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off"));
        var countdown = new Countdown();
        var receiver = system.ActorOf(Props.Create(() => new CountingReceiver(countdown)).WithDispatcher(dispatcher));
        var sender = system.ActorOf(Props.Create(() => new BurstSender(receiver)).WithDispatcher(dispatcher));
        for (var run = 0; run < 5; run++)
        {
            countdown.Reset(messages);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            sender.Tell(new Burst(messages), null);
            countdown.Wait();
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"one-way on {dispatcher}: {messages / watch.Elapsed.TotalSeconds / 1e6:0.00} M msgs/s, {(double)allocated / messages:0.00} B/msg");
        }
    }

    /// <summary>Plays one rally and waits for it.</summary>
    private static void RunRally(IActorRef pinger, ManualResetEventSlim done, int roundTrips, long[]? samples)
    {
        done.Reset();
        pinger.Tell(new Rally(roundTrips, samples), null);
        if (!done.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException("the rally did not finish");
        }
    }
}
