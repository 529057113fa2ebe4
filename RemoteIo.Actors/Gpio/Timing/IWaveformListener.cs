namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// Told when a waveform ends. Created once and handed to the <see cref="EdgeScheduler"/>, so no
/// delegate or closure is allocated per waveform or edge.
/// </summary>
/// <remarks>
/// Called on the scheduler's timing thread (or the clock's timer callback, or the thread that
/// called <see cref="EdgeScheduler.Start"/> / <see cref="EdgeScheduler.Cancel(int)"/> when that call
/// ended a waveform), never while the scheduler holds a lock, and never by two threads at once for
/// the lines of one timing thread: one line's ends arrive in the order they happened (a thread that
/// ends a waveform while another one reports leaves the report to that one). Keep it short: post a
/// message and return; a slow listener delays the next edges and the reports of other threads.
/// </remarks>
public interface IWaveformListener
{
    /// <summary>A waveform stopped.</summary>
    /// <param name="line">The line it ran on.</param>
    /// <param name="token">The token given to <see cref="EdgeScheduler.Start"/> (a command id, say).</param>
    /// <param name="endNanoseconds">When it stopped, on the scheduler's clock: its end timestamp, the start of its successor (moved, when a queued successor was taken over late), or the cut instant.</param>
    /// <param name="reason">Why.</param>
    void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason);
}
