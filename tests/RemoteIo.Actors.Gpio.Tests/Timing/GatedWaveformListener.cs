using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// Records waveform ends and can hold the first report until released, so a test can make another
/// thread end a waveform of the same line while that report is still under way.
/// </summary>
public sealed class GatedWaveformListener : IWaveformListener
{
    /// <summary>Set when the held report has arrived.</summary>
    private readonly ManualResetEventSlim _entered = new();

    /// <summary>Set to let the held report return.</summary>
    private readonly ManualResetEventSlim _released = new();

    /// <summary>Records every report, in the order they complete.</summary>
    private readonly RecordingWaveformListener _recorder = new();

    /// <summary>1 while the next report is to be held.</summary>
    private int _holdNext;

    /// <summary>The ends so far, in the order reported.</summary>
    public RecordingWaveformListener Recorder => _recorder;

    /// <summary>Holds the next report until <see cref="Release"/>.</summary>
    public void HoldNext() => Volatile.Write(ref _holdNext, 1);

    /// <summary>Waits until the held report has arrived.</summary>
    /// <param name="timeout">How long at most.</param>
    public void WaitUntilHeld(TimeSpan timeout)
    {
        if (!_entered.Wait(timeout))
        {
            throw new TimeoutException($"no waveform end was reported within {timeout}");
        }
    }

    /// <summary>Lets the held report finish.</summary>
    public void Release() => _released.Set();

    /// <inheritdoc />
    public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
    {
        if (Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            _entered.Set();
            if (!_released.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the held report was never released");
            }
        }

        _recorder.OnWaveformEnded(line, token, endNanoseconds, reason);
    }
}
