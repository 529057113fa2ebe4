using System.Net;
using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>
/// An in-memory board for the pigpio engine: 54 GPIOs with modes, pulls, output latches, PWM /
/// servo / hardware PWM state and owners, a transition log, inputs a test drives, and level watches
/// delivered in order outside the board's lock.
/// A PWM pin reads high only at duty 1 (no edges are simulated for PWM).
/// </summary>
public sealed class FakeBoard : IPigpioBackend
{
    /// <summary>Guards the pins, the log, the watches and the delivery queue.</summary>
    private readonly Lock _gate = new();

    /// <summary>One deliverer at a time, so watches see changes in the order they happened.</summary>
    private readonly Lock _deliveryGate = new();

    /// <summary>The GPIOs with the BCM283x power-on pulls: 0-8 up, the rest down (pigpio clients see these levels at connect).</summary>
    private readonly FakePin[] _pins = [.. Enumerable.Range(0, 54).Select(g => new FakePin { Pull = g <= 8 ? PigpioPull.Up : PigpioPull.Down })];

    /// <summary>Every change, in order.</summary>
    private readonly List<FakeBoardEvent> _log = [];

    /// <summary>Level watches the notifier opened.</summary>
    private readonly List<FakeWatch> _watches = [];

    /// <summary>Level changes waiting to be delivered outside the lock.</summary>
    private readonly Queue<(FakeWatch Watch, uint Tick, uint Levels)> _deliveries = new();

    /// <summary>The board's clock (virtual in the unit tests).</summary>
    private readonly TimeProvider _time;

    /// <summary>The clock's timestamp at creation: tick 0.</summary>
    private readonly long _start;

    /// <summary>The last session id handed out.</summary>
    private int _nextSession;

    public FakeBoard(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    public uint HardwareRevision { get; set; } = 0xC03111;

    public uint Tick => (uint)(_time.GetElapsedTime(_start).Ticks / 10);

    /// <summary>Sessions opened so far.</summary>
    public int SessionsOpened => Volatile.Read(ref _nextSession);

    /// <summary>Sessions closed so far.</summary>
    public int SessionsClosed { get; private set; }

    /// <summary>The clients of the sessions opened, in order.</summary>
    public List<IPEndPoint?> Clients { get; } = [];

    /// <summary>Makes a session fail every operation with this exception (tests of the engine's error handling).</summary>
    public Exception? FailWith { get; set; }

    public IReadOnlyList<FakeBoardEvent> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public IPigpioSession OpenSession(IPEndPoint? client)
    {
        lock (_gate)
        {
            Clients.Add(client);
        }

        return new FakePigpioSession(this, Interlocked.Increment(ref _nextSession));
    }

    public ValueTask<bool> ReadAsync(int gpio, CancellationToken cancellationToken) => new(LevelOf(gpio));

    public ValueTask<PigpioMode> GetModeAsync(int gpio, CancellationToken cancellationToken) => new(ModeOf(gpio));

    public ValueTask<uint> ReadBankAsync(int bank, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(BankLevels(bank));
        }
    }

    /// <summary>What a watch's <see cref="IPigpioLevelWatch.WhenWatchingAsync"/> waits for (done unless a test holds it back).</summary>
    public Task WatchConfirmed { get; set; } = Task.CompletedTask;

    /// <summary>Completed when a watch's <see cref="IPigpioLevelWatch.WhenWatchingAsync"/> is first called (if a test set it).</summary>
    public TaskCompletionSource? WatchAwaited { get; set; }

    public IPigpioLevelWatch WatchLevels(IPigpioLevelObserver observer)
    {
        var watch = new FakeWatch(this, observer);
        lock (_gate)
        {
            _watches.Add(watch);
        }

        return watch;
    }

    /// <summary>The owner of a GPIO (0: free).</summary>
    public int OwnerOf(int gpio) => Read(gpio, p => p.Owner);

    /// <summary>A GPIO's mode.</summary>
    public PigpioMode ModeOf(int gpio) => Read(gpio, p => p.Mode);

    /// <summary>A GPIO's pull.</summary>
    public PigpioPull PullOf(int gpio) => Read(gpio, p => p.Pull);

    /// <summary>A GPIO's level.</summary>
    public bool LevelOf(int gpio) => Read(gpio, p => p.Level);

    /// <summary>What a GPIO produces: (signal, pwm frequency, pwm duty, servo width, hw frequency, hw duty).</summary>
    public (string? Signal, double Frequency, double Duty, int Servo, int HwFrequency, int HwDuty) SignalOf(int gpio) =>
        Read(gpio, p => (p.Signal, p.PwmFrequency, p.PwmDuty, p.ServoWidth, p.HardwareFrequency, p.HardwareDuty));

    private T Read<T>(int gpio, Func<FakePin, T> read)
    {
        lock (_gate)
        {
            return read(_pins[gpio]);
        }
    }

    /// <summary>Drives an input from outside (a button, a sensor): the level a read sees while the pin is an input.</summary>
    public void DriveInput(int gpio, bool level)
    {
        Change(0, gpio, "drive", p => p.ExternalLevel = level, level ? 1 : 0);
    }

    internal PigpioStatus Apply(int session, int gpio, string kind, Action<FakePin> change, double value = 0, double value2 = 0)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            var owner = _pins[gpio].Owner;
            if (owner != 0 && owner != session)
            {
                return PigpioStatus.InUse;
            }

            if (owner == 0)
            {
                _pins[gpio].Owner = session;
                Record(gpio, "claim", session, 0, session);
            }
        }

        Change(session, gpio, kind, change, value, value2);
        return PigpioStatus.Ok;
    }

    internal PigpioStatus ApplyBank(int session, int bank, uint gpios, bool level)
    {
        lock (_gate)
        {
            for (var bits = gpios; bits != 0; bits &= bits - 1)
            {
                var gpio = (bank * 32) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (_pins[gpio].Owner is var owner && owner != 0 && owner != session)
                {
                    return PigpioStatus.InUse;
                }
            }
        }

        for (var bits = gpios; bits != 0; bits &= bits - 1)
        {
            var gpio = (bank * 32) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            Apply(session, gpio, "level", p => p.Latch = level, level ? 1 : 0);
        }

        return PigpioStatus.Ok;
    }

    internal void Release(int session)
    {
        var released = new List<int>();
        lock (_gate)
        {
            SessionsClosed++;
            for (var gpio = 0; gpio < _pins.Length; gpio++)
            {
                if (_pins[gpio].Owner == session)
                {
                    released.Add(gpio);
                }
            }
        }

        foreach (var gpio in released)
        {
            Change(session, gpio, "release", p =>
            {
                p.Owner = 0;
                p.Signal = null;
                p.Latch = false;
            });
        }
    }

    internal void SetWatchMask(FakeWatch watch, uint mask)
    {
        lock (_gate)
        {
            watch.Mask = mask;
        }
    }

    internal void RemoveWatch(FakeWatch watch)
    {
        lock (_gate)
        {
            _watches.Remove(watch);
        }
    }

    /// <summary>Applies a change, logs it, and tells watches of level changes (in order, outside the lock).</summary>
    private void Change(int session, int gpio, string kind, Action<FakePin> change, double value = 0, double value2 = 0)
    {
        lock (_gate)
        {
            var before = BankLevels(0);
            change(_pins[gpio]);
            Record(gpio, kind, value, value2, session);

            var after = BankLevels(0);
            if (before != after)
            {
                var tick = Tick;
                foreach (var watch in _watches)
                {
                    if (((before ^ after) & watch.Mask) != 0)
                    {
                        _deliveries.Enqueue((watch, tick, after));
                    }
                }
            }
        }

        Deliver();
    }

    private void Deliver()
    {
        lock (_deliveryGate)
        {
            while (true)
            {
                (FakeWatch Watch, uint Tick, uint Levels) next;
                lock (_gate)
                {
                    if (!_deliveries.TryDequeue(out next))
                    {
                        return;
                    }
                }

                next.Watch.Observer.OnLevelsChanged(next.Tick, next.Levels);
            }
        }
    }

    private void Record(int gpio, string kind, double value, double value2, int session) =>
        _log.Add(new FakeBoardEvent(_time.GetElapsedTime(_start), gpio, kind, value, value2, session));

    private uint BankLevels(int bank)
    {
        var levels = 0u;
        for (var i = 0; i < 32 && (bank * 32) + i < _pins.Length; i++)
        {
            if (_pins[(bank * 32) + i].Level)
            {
                levels |= 1u << i;
            }
        }

        return levels;
    }
}
