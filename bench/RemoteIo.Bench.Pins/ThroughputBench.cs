using System.Diagnostics;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// Commands per second through the PinSupervisor to the PinActors with all 28 header GPIOs
/// claimed, counted as commands executed (final outcome received by the client: the level was
/// written), on the real clock. Untimed on/off alternate per pin, so every command is one write.
/// </summary>
public static class ThroughputBench
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="count">Commands measured.</param>
    /// <param name="window">Commands in flight at most.</param>
    public static void Run(int count, int window)
    {
        using var host = new BenchHost();
        var gpios = Enumerable.Range(0, 28).ToArray();
        host.ClaimOutputs(gpios);
        Send(host, Build(gpios, 50_000), window);

        var commands = Build(gpios, count);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var elapsed = Send(host, commands, window);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        Console.WriteLine();
        Console.WriteLine($"commands through /user/pins to 28 claimed pins (untimed on/off, {window:N0} in flight at most)");
        Console.WriteLine($"  executed              {count:N0} in {elapsed.TotalSeconds:0.00} s = {count / elapsed.TotalSeconds:N0} commands/s (rejected: {host.Counter.Rejected})");
        Console.WriteLine($"  process CPU           {cpu.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core");
        Console.WriteLine($"  allocated             {bytes / (double)count:0} bytes/command (host side: ticket, messages, two outcomes; the commands were built beforehand)");
    }

    /// <summary>Builds alternating on/off commands round-robin over the pins.</summary>
    private static PinCommand[] Build(int[] gpios, int count)
    {
        var commands = new PinCommand[count];
        for (var i = 0; i < count; i++)
        {
            var gpio = gpios[i % gpios.Length];
            commands[i] = (i / gpios.Length) % 2 == 0
                ? BenchHost.Command(gpio, 0, c => c.On = new On())
                : BenchHost.Command(gpio, 0, c => c.Off = new Off());
        }

        return commands;
    }

    /// <summary>Sends the commands keeping at most <paramref name="window"/> unfinished; returns when all finished.</summary>
    private static TimeSpan Send(BenchHost host, PinCommand[] commands, int window)
    {
        var baseline = host.Counter.Finished;
        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (sent < commands.Length)
        {
            if (sent - (host.Counter.Finished - baseline) < window)
            {
                host.Pins.Tell(commands[sent++], host.Client);
            }
            else
            {
                Thread.Yield();
            }
        }

        BenchHost.Wait(() => host.Counter.Finished - baseline >= commands.Length, "outcomes");
        return watch.Elapsed;
    }
}
