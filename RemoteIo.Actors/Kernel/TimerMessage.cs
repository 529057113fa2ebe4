namespace RemoteIo.Actors.Kernel;

/// <summary>A keyed timer's tick as it travels through the mailbox; the cell unwraps it if it is still current.</summary>
/// <param name="Key">The timer's key.</param>
/// <param name="Message">The message to deliver.</param>
/// <param name="Generation">Which start of the key produced it (for diagnostics; identity decides currency).</param>
/// <param name="IsPeriodic">True for a periodic timer (its key stays active after a tick).</param>
internal sealed record TimerMessage(object Key, object Message, long Generation, bool IsPeriodic) : IAutoReceivedMessage
{
    /// <summary>Identity equality: two starts of the same key must never be confused.</summary>
    public bool Equals(TimerMessage? other) => ReferenceEquals(this, other);

    /// <summary>Identity hash, matching <see cref="Equals(TimerMessage)"/>.</summary>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
