using RemoteIo.Actors.Gpio.Linux;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>Collects a driver's line-info changes and lets a test wait for them (with a timeout, never a sleep).</summary>
internal sealed class LineInfoChangeRecorder
{
    /// <summary>Guards the list; the monitor wakes waiters.</summary>
    private readonly object _gate = new();

    /// <summary>The changes in arrival order.</summary>
    private readonly List<LineInfoChangedEventArgs> _changes = [];

    /// <summary>Starts recording the changes <paramref name="driver"/> reports.</summary>
    /// <param name="driver">The driver watching lines.</param>
    public LineInfoChangeRecorder(ChardevGpioDriver driver) => driver.LineInfoChanged += OnChanged;

    /// <summary>Waits until at least <paramref name="count"/> changes arrived, or fails naming what did arrive.</summary>
    /// <param name="count">How many changes.</param>
    /// <param name="timeout">How long at most.</param>
    /// <returns>The changes so far.</returns>
    public IReadOnlyList<LineInfoChangedEventArgs> WaitFor(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_changes.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    var seen = string.Join("; ", _changes.Select(c => $"{c.Kind} line {c.Info.Line} by '{c.Info.Consumer}'"));
                    throw new TimeoutException($"expected {count} line-info change(s) within {timeout}, got {_changes.Count}: {seen}");
                }

                Monitor.Wait(_gate, left);
            }

            return [.. _changes];
        }
    }

    /// <summary>Records one change (event thread).</summary>
    private void OnChanged(object? sender, LineInfoChangedEventArgs change)
    {
        lock (_gate)
        {
            _changes.Add(change);
            Monitor.PulseAll(_gate);
        }
    }
}
