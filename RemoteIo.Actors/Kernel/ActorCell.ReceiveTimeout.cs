namespace RemoteIo.Actors.Kernel;

/// <summary>The receive timeout: one timer re-armed only when it fires, and a timestamp per message instead of a timer change per message.</summary>
internal sealed partial class ActorCell
{
    /// <summary>The idle time after which <see cref="Kernel.ReceiveTimeout"/> is delivered; null when off.</summary>
    private TimeSpan? _receiveTimeout;

    /// <summary>The armed timer.</summary>
    private TellTimer? _receiveTimeoutTimer;

    /// <summary>Clock timestamp of the last user message.</summary>
    private long _lastActivity;

    /// <inheritdoc />
    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    /// <inheritdoc />
    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(timeout));
        }

        CancelReceiveTimeout();
        if (timeout is { } idle && idle > TimeSpan.Zero)
        {
            _receiveTimeout = idle;
            _lastActivity = _system.TimeProvider.GetTimestamp();
            ArmReceiveTimeout(idle);
        }
    }

    /// <summary>Turns the receive timeout off (restart, stop).</summary>
    private void CancelReceiveTimeout()
    {
        _receiveTimeout = null;
        _receiveTimeoutTimer?.Cancel();
        _receiveTimeoutTimer = null;
    }

    /// <summary>Records that a user message arrived (only when a receive timeout is set).</summary>
    private void NoteActivity()
    {
        if (_receiveTimeout is not null)
        {
            _lastActivity = _system.TimeProvider.GetTimestamp();
        }
    }

    /// <summary>Arms a one-shot tick after <paramref name="delay"/>.</summary>
    private void ArmReceiveTimeout(TimeSpan delay)
    {
        _receiveTimeoutTimer = new TellTimer(_self, new ReceiveTimeoutTick(), _system.TimeProvider, delay, Timeout.InfiniteTimeSpan);
        _receiveTimeoutTimer.Start();
    }

    /// <summary>Delivers <see cref="Kernel.ReceiveTimeout"/> if the actor was idle long enough; re-arms either way.</summary>
    private void OnReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (_receiveTimeout is not { } timeout || _receiveTimeoutTimer is null || !ReferenceEquals(_receiveTimeoutTimer.Message, tick))
        {
            return;
        }

        var idle = _system.TimeProvider.GetElapsedTime(_lastActivity);
        if (idle < timeout)
        {
            ArmReceiveTimeout(timeout - idle);
            return;
        }

        _lastActivity = _system.TimeProvider.GetTimestamp();
        ArmReceiveTimeout(timeout);
        _currentMessage = Kernel.ReceiveTimeout.Instance;
        ReceiveMessage(Kernel.ReceiveTimeout.Instance);
    }
}
