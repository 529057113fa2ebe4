using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// Runs a wait-mode queue of commands on one line the way the pin actor does: the first starts now,
/// and whenever one ends the next-but-one is handed over with <see cref="EdgeScheduler.StartQueued"/>
/// to start at the end of the one that just took over — whose start is the reported end of the one
/// that completed. Records every end of its line in the order reported (other lines' are ignored).
/// </summary>
public sealed class QueueRunner : IWaveformListener
{
    /// <summary>Guards the records.</summary>
    private readonly Lock _gate = new();

    /// <summary>The commands: level and duration in nanoseconds; token = index + 1.</summary>
    private readonly List<(PinValue Level, long Duration)> _commands = [];

    /// <summary>Per token, the start the command got.</summary>
    private readonly Dictionary<long, long> _starts = [];

    /// <summary>Ends in the order reported.</summary>
    private readonly List<(long Token, long Start, long End, WaveformEndReason Reason)> _ended = [];

    /// <summary>The line the queue runs on.</summary>
    private int _line = -1;

    /// <summary>The scheduler (set before <see cref="Run"/>).</summary>
    public EdgeScheduler? Scheduler { get; set; }

    /// <summary>The ends so far, in the order reported, with the start each command got (-1 for a waveform it did not hand over).</summary>
    public IReadOnlyList<(long Token, long Start, long End, WaveformEndReason Reason)> Ended
    {
        get
        {
            lock (_gate)
            {
                return [.. _ended];
            }
        }
    }

    /// <summary>Records the ends of <paramref name="line"/> without running a queue on it (a test hands the waveforms over itself).</summary>
    /// <param name="line">The line.</param>
    public void Observe(int line) => _line = line;

    /// <summary>Starts the queue: the first command now, the second queued behind it.</summary>
    /// <param name="line">An open output.</param>
    /// <param name="commands">Levels and durations (ns), run in order; each ends low.</param>
    public void Run(int line, params (PinValue Level, long Duration)[] commands)
    {
        _line = line;
        _commands.AddRange(commands);
        var now = Scheduler!.NowNanoseconds;
        lock (_gate)
        {
            _starts[1] = now;
        }

        Scheduler.Start(line, Shape(0, now), token: 1);
        Hand(2, now + _commands[0].Duration);
    }

    /// <inheritdoc />
    public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
    {
        if (line != _line)
        {
            return;
        }

        lock (_gate)
        {
            _ended.Add((token, _starts.GetValueOrDefault(token, -1), endNanoseconds, reason));
            if (reason != WaveformEndReason.Completed || token >= _commands.Count)
            {
                return;
            }

            // The next command took over where this one ended (moved there if it was taken over late).
            _starts[token + 1] = endNanoseconds;
        }

        if (token + 2 <= _commands.Count)
        {
            Hand(token + 2, endNanoseconds + _commands[(int)token].Duration);
        }
    }

    /// <summary>Hands command <paramref name="token"/> over, queued to start at <paramref name="start"/>.</summary>
    private void Hand(long token, long start)
    {
        var got = Scheduler!.StartQueued(_line, Shape((int)token - 1, start), token);
        lock (_gate)
        {
            _starts[token] = got;
        }
    }

    /// <summary>Command <paramref name="index"/>'s waveform from <paramref name="start"/>.</summary>
    private Waveform Shape(int index, long start) =>
        Waveform.Constant(_commands[index].Level, start, start + _commands[index].Duration, PinValue.Low);
}
