using System.Globalization;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// A host's pin domain on the real clock over the simulated chip (its transition log is the
/// "oscilloscope"), with one local client actor that counts the outcomes it gets.
/// </summary>
public sealed class BenchHost : IDisposable
{
    /// <summary>Pins numbered as the client names them.</summary>
    private static ulong _nextId;

    /// <summary>Starts the system, the chip and the pin service.</summary>
    /// <param name="transitionLogCapacity">How many transitions the chip keeps.</param>
    /// <param name="settings">The pins' settings; null for the configuration's.</param>
    /// <param name="gpio">Board model and PWM root for hardware PWM; null for the defaults.</param>
    /// <param name="pwm">The sysfs/debugfs file operations; null for the machine's.</param>
    public BenchHost(int transitionLogCapacity = 1 << 22, PinsSettings? settings = null, GpioOptions? gpio = null, PwmFileSystem? pwm = null)
    {
        var config = ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = warning\nremoteio.actor.loglevel = warning");
        System = ActorSystem.Create("bench", config);
        Chip = new SimulatedGpioChip(TimeProvider.System, transitionLogCapacity);
        Driver = new SimulatedGpioDriver(Chip);
        Service = PinService.Start(System, Driver, settings, timing: Timing, gpio: gpio, pwmFileSystem: pwm);
        Counter = new OutcomeCounter();
        Client = System.ActorOf(Props.Create(() => new CountingClient(Counter)), "client");
    }

    /// <summary>The edge scheduler's options for every host of this run (the command line's <c>--rt N</c> sets SCHED_FIFO).</summary>
    public static EdgeSchedulerOptions Timing { get; set; } = EdgeSchedulerOptions.Default;

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The simulated chip.</summary>
    public SimulatedGpioChip Chip { get; }

    /// <summary>Its driver.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <summary>The pin service.</summary>
    public PinService Service { get; }

    /// <summary>The supervisor.</summary>
    public IActorRef Pins => Service.Supervisor;

    /// <summary>The client's counters.</summary>
    public OutcomeCounter Counter { get; }

    /// <summary>The client actor (sender of every request).</summary>
    public IActorRef Client { get; }

    /// <summary>A fresh request id.</summary>
    /// <returns>The id.</returns>
    public static ulong NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Claims GPIOs as outputs and waits for the claims.</summary>
    /// <param name="gpios">The GPIOs.</param>
    public void ClaimOutputs(IEnumerable<int> gpios)
    {
        var list = gpios.ToList();
        var before = Counter.Claimed;
        foreach (var gpio in list)
        {
            Pins.Tell(new ClaimPin { RequestId = NextId(), Pin = new PinRef { Number = (uint)gpio } }, Client);
        }

        Wait(() => Counter.Claimed - before >= list.Count, "claims");
    }

    /// <summary>A command for a GPIO.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="durationMs">Its duration.</param>
    /// <param name="action">Sets the action.</param>
    /// <returns>The command.</returns>
    public static PinCommand Command(int gpio, double durationMs, Action<PinCommand> action)
    {
        var command = new PinCommand { CommandId = NextId(), Pin = new PinRef { Number = (uint)gpio }, DurationUs = (ulong)(durationMs * 1000) };
        action(command);
        return command;
    }

    /// <summary>Spins (yielding) until <paramref name="condition"/> holds, or fails after a minute.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="what">For the error.</param>
    public static void Wait(Func<bool> condition, string what)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>The 1-minute load average, to tell a busy machine from a slow host.</summary>
    /// <returns>The load average.</returns>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Formats nanoseconds as microseconds.</summary>
    /// <param name="nanoseconds">The value.</param>
    /// <returns>"12.3 us".</returns>
    public static string Us(double nanoseconds) => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1000.0,8:0.0} us");

    /// <summary>p50, p99 and max of a sample (sorted in place).</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The percentiles.</returns>
    public static (long P50, long P99, long Max) Percentiles(List<long> values)
    {
        values.Sort();
        long At(double q) => values.Count == 0 ? 0 : values[Math.Clamp((int)Math.Ceiling(q * values.Count) - 1, 0, values.Count - 1)];
        return (At(0.5), At(0.99), values.Count == 0 ? 0 : values[^1]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        System.Terminate().Wait(TimeSpan.FromSeconds(10));
        Driver.Dispose();
    }
}
