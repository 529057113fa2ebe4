namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>Why a waveform stopped; maps onto the command outcomes of MISSION.md.</summary>
public enum WaveformEndReason
{
    /// <summary>It reached its end timestamp; the final level was applied (unless the next waveform took over at that instant).</summary>
    Completed = 0,

    /// <summary>It was running and was cut: cancelled, or replaced by a waveform that started.</summary>
    Interrupted = 1,

    /// <summary>It never started: replaced or cancelled while waiting for its start timestamp.</summary>
    Superseded = 2,

    /// <summary>The driver failed to write the line; the waveform was stopped.</summary>
    Faulted = 3,
}
