using System.Globalization;
using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>
/// A pin's transition log read as a signal from its first rise on (what came before — a claim
/// putting the line at its safe level — is left out): its levels, its high pulses with widths and
/// periods in milliseconds, and runs of pulses of one width (a steady PWM duty or servo position).
/// </summary>
public sealed class Signal
{
    public Signal(IReadOnlyList<GpioTransition> transitions)
    {
        transitions = [.. transitions.SkipWhile(t => !t.Level.IsHigh)];
        Transitions = transitions;
        var pulses = new List<Pulse>();
        long? rise = null;
        foreach (var t in transitions)
        {
            if (t.Level.IsHigh)
            {
                rise = t.TimestampNanoseconds;
            }
            else if (rise is { } start)
            {
                pulses.Add(new Pulse(start, t.TimestampNanoseconds));
                rise = null;
            }
        }

        Pulses = pulses;
        EndsHigh = rise is not null;
    }

    public IReadOnlyList<GpioTransition> Transitions { get; }

    /// <summary>Every complete high pulse, in order.</summary>
    public IReadOnlyList<Pulse> Pulses { get; }

    /// <summary>True when the last transition went high.</summary>
    public bool EndsHigh { get; }

    /// <summary>The levels in order, as bits.</summary>
    public IReadOnlyList<int> Levels => [.. Transitions.Select(t => t.Level.IsHigh ? 1 : 0)];

    /// <summary>The first rise's time.</summary>
    public long Start => Transitions.Count > 0 ? Transitions[0].TimestampNanoseconds : throw new InvalidOperationException("the pin never went high");

    /// <summary>Milliseconds from the first rise to <paramref name="nanoseconds"/>.</summary>
    public double Ms(long nanoseconds) => (nanoseconds - Start) / 1e6;

    /// <summary>
    /// Runs of at least <paramref name="minLength"/> consecutive pulses whose widths stay within
    /// <paramref name="tolerance"/> ms of the run's first (a steady duty; single pulses at hand-overs
    /// between two settings belong to no run).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Pulse>> Runs(double tolerance, int minLength)
    {
        var runs = new List<IReadOnlyList<Pulse>>();
        var current = new List<Pulse>();
        foreach (var pulse in Pulses)
        {
            if (current.Count > 0 && Math.Abs(pulse.WidthMs - current[0].WidthMs) > tolerance)
            {
                if (current.Count >= minLength)
                {
                    runs.Add(current);
                }

                current = [];
            }

            current.Add(pulse);
        }

        if (current.Count >= minLength)
        {
            runs.Add(current);
        }

        return runs;
    }

    /// <summary>The periods (rise to next rise, ms) within a run.</summary>
    public static IEnumerable<double> Periods(IReadOnlyList<Pulse> run) => run.Zip(run.Skip(1), (a, b) => (b.Rise - a.Rise) / 1e6);

    /// <summary>The signal for failure messages: "+t ms: level" per transition (at most 200).</summary>
    public override string ToString() => string.Join(
        ", ",
        Transitions.Take(200).Select(t => string.Create(CultureInfo.InvariantCulture, $"{Ms(t.TimestampNanoseconds):0.###}:{(t.Level.IsHigh ? 1 : 0)}")));

    /// <summary>One high pulse.</summary>
    /// <param name="Rise">When it went high (ns).</param>
    /// <param name="Fall">When it went low (ns).</param>
    public readonly record struct Pulse(long Rise, long Fall)
    {
        /// <summary>How long it was high, ms.</summary>
        public double WidthMs => (Fall - Rise) / 1e6;
    }
}
