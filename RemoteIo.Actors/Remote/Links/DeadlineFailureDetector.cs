namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// Akka's deadline failure detector: the peer is available while the time since its last sign of
/// life (any frame) is at most the deadline (heartbeat interval + acceptable pause). Clocked by a
/// <see cref="TimeProvider"/>, so virtual time drives it in tests.
/// </summary>
internal sealed class DeadlineFailureDetector
{
    /// <summary>The clock.</summary>
    private readonly TimeProvider _time;

    /// <summary>Timestamp of the last sign of life.</summary>
    private long _last;

    /// <summary>Creates the detector; the peer counts as heard from now.</summary>
    /// <param name="deadline">How long silence is tolerated.</param>
    /// <param name="time">The clock.</param>
    public DeadlineFailureDetector(TimeSpan deadline, TimeProvider time)
    {
        Deadline = deadline;
        _time = time;
        _last = time.GetTimestamp();
    }

    /// <summary>How long silence is tolerated.</summary>
    public TimeSpan Deadline { get; }

    /// <summary>Time since the last sign of life.</summary>
    public TimeSpan Silence => _time.GetElapsedTime(Volatile.Read(ref _last));

    /// <summary>False once the peer has been silent for longer than the deadline.</summary>
    public bool IsAvailable => Silence <= Deadline;

    /// <summary>Records a sign of life.</summary>
    public void HeartBeat() => Volatile.Write(ref _last, _time.GetTimestamp());
}
