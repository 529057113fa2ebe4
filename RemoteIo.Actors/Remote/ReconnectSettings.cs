namespace RemoteIo.Actors.Remote;

/// <summary>
/// Whether and how a client re-establishes a lost link: exponential backoff with jitter between
/// attempts, on the actor system's clock. A reconnect within the server's resume grace period
/// resumes the same association; later it starts a new one.
/// </summary>
/// <remarks>Immutable; derive variants with the <c>WithX</c> methods.</remarks>
public sealed record ReconnectSettings
{
    /// <summary>No reconnect: a lost link ends the association.</summary>
    public static ReconnectSettings Disabled { get; } = new();

    /// <summary>Reconnect with the default backoff (100 ms doubling up to 5 s, attempts unlimited).</summary>
    public static ReconnectSettings Enabled { get; } = new() { IsEnabled = true };

    /// <summary>Whether a lost link is re-established.</summary>
    public bool IsEnabled { get; init; }

    /// <summary>Delay before the first attempt; it doubles per attempt (with jitter). Default 100 ms.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between attempts. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before giving up; 0 = never give up. Default 0.</summary>
    public int MaxAttempts { get; init; }

    /// <summary>Returns a copy with reconnect switched on or off.</summary>
    /// <param name="enabled">Whether to reconnect.</param>
    /// <returns>The copy.</returns>
    public ReconnectSettings WithEnabled(bool enabled) => this with { IsEnabled = enabled };

    /// <summary>Returns a copy with another backoff range.</summary>
    /// <param name="min">First delay; positive.</param>
    /// <param name="max">Longest delay; at least <paramref name="min"/>.</param>
    /// <returns>The copy.</returns>
    public ReconnectSettings WithBackoff(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return this with { MinBackoff = min, MaxBackoff = max };
    }

    /// <summary>Returns a copy with another attempt limit.</summary>
    /// <param name="attempts">0 for unlimited.</param>
    /// <returns>The copy.</returns>
    public ReconnectSettings WithMaxAttempts(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        return this with { MaxAttempts = attempts };
    }
}
