using System.Collections.Concurrent;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// Hardware PWM on the real clock against a Raspberry Pi 4's sysfs/debugfs layout built from plain
/// files in a temp directory (the writes cost what a file write costs, not what the kernel's PWM
/// driver costs): how late a timed value's channel is disabled after its end instant, and how long
/// entering (configure, enable, release the line, select the PWM function) and leaving take.
/// </summary>
public static class HardwarePwmBench
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="rounds">Timed values per GPIO and duration.</param>
    public static void Run(int rounds)
    {
        var root = Directory.CreateTempSubdirectory("remoteio-bench-pwm-").FullName;
        try
        {
            var files = new StampingFileSystem(BuildTree(root));
            using var host = new BenchHost(
                settings: PinsSettings.Default.WithPinctrlRoot(Path.Combine(root, "pinctrl")),
                gpio: GpioOptions.Default.WithModel("Raspberry Pi 4 Model B").WithPwmRoot(Path.Combine(root, "pwm")),
                pwm: files);
            host.Counter.Finals = new ConcurrentQueue<CommandOutcome>();
            int[] gpios = [18, 19];
            host.ClaimOutputs(gpios);
            Console.WriteLine();
            Console.WriteLine($"hardware PWM, value(T, 0.5) on GPIO 18 and 19 at once (2 channels, sysfs as plain files): {host.Service.HardwarePwmSummary}");
            foreach (var ms in new[] { 5, 20, 100 })
            {
                var lateness = new List<long>();
                var entering = new List<long>();
                for (var round = 0; round < rounds + 3; round++)
                {
                    files.Disables.Clear();
                    var sent = ClockTime.NowNanoseconds(TimeProvider.System);
                    var baseline = host.Counter.Finished;
                    foreach (var gpio in gpios)
                    {
                        host.Pins.Tell(BenchHost.Command(gpio, ms, c => c.Value = new Value { Level = 0.5 }), host.Client);
                    }

                    BenchHost.Wait(() => host.Counter.Finished - baseline >= gpios.Length, "timed values");
                    while (host.Counter.Finals.TryDequeue(out var done))
                    {
                        if (done.Kind != OutcomeKind.Completed)
                        {
                            throw new InvalidOperationException($"expected COMPLETED, got {done}");
                        }

                        var channel = done.Gpio == 18 ? "pwm0" : "pwm1";
                        var disabled = files.Disables.Where(d => d.Path.Contains(channel, StringComparison.Ordinal)).Select(d => d.AtNs).DefaultIfEmpty(-1).Max();
                        if (round >= 3)
                        {
                            // The first rounds JIT-compile the path; they are not counted.
                            lateness.Add(disabled - (done.StartedAtNs + (ms * 1_000_000L)));
                            entering.Add(done.StartedAtNs - sent);
                        }
                    }

                    Thread.Sleep(5);
                }

                var (p50, p99, max) = BenchHost.Percentiles(lateness);
                var (e50, e99, _) = BenchHost.Percentiles(entering);
                Console.WriteLine($"  T = {ms,3} ms  channel disabled after the end: p50 {BenchHost.Us(p50)}  p99 {BenchHost.Us(p99)}  max {BenchHost.Us(max)}   send -> started p50 {BenchHost.Us(e50)} p99 {BenchHost.Us(e99)}  ({lateness.Count} values)");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>pwmchip0 with both channels already exported (plain files cannot make export create them) and the GPIO controller's pinmux-select.</summary>
    private static PwmFileSystem BuildTree(string root)
    {
        var chip = Directory.CreateDirectory(Path.Combine(root, "pwm", "pwmchip0")).FullName;
        File.WriteAllText(Path.Combine(chip, "npwm"), "2\n");
        File.WriteAllText(Path.Combine(chip, "export"), string.Empty);
        File.WriteAllText(Path.Combine(chip, "unexport"), string.Empty);
        foreach (var channel in new[] { "pwm0", "pwm1" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(chip, channel)).FullName;
            foreach (var (name, value) in new[] { ("period", "0"), ("duty_cycle", "0"), ("enable", "0"), ("polarity", "normal") })
            {
                File.WriteAllText(Path.Combine(dir, name), value + "\n");
            }
        }

        var pinctrl = Directory.CreateDirectory(Path.Combine(root, "pinctrl", "fe200000.gpio-pinctrl-bcm2711")).FullName;
        File.WriteAllText(Path.Combine(pinctrl, "pinmux-select"), string.Empty);
        return PwmFileSystem.Physical;
    }

    /// <summary>The machine's file operations, noting when each channel is disabled.</summary>
    /// <param name="inner">The real file system.</param>
    private sealed class StampingFileSystem(PwmFileSystem inner) : PwmFileSystem
    {
        /// <summary>The "enable = 0" writes: (clock ns when written, path).</summary>
        public ConcurrentBag<(long AtNs, string Path)> Disables { get; } = [];

        public override bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public override string ReadAllText(string path) => inner.ReadAllText(path);

        public override void WriteAllText(string path, string text)
        {
            inner.WriteAllText(path, text);
            if (text == "0" && path.EndsWith("/enable", StringComparison.Ordinal))
            {
                Disables.Add((ClockTime.NowNanoseconds(TimeProvider.System), path));
            }
        }

        public override bool IsWritable(string path) => inner.IsWritable(path);

        public override IReadOnlyList<string> EnumerateDirectories(string path, string pattern) => inner.EnumerateDirectories(path, pattern);

        public override string? ResolveLinkTarget(string path) => inner.ResolveLinkTarget(path);
    }
}
