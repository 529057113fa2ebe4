namespace RemoteIo.TestKit;

/// <summary>
/// Timeouts of the test kit (real time: how long a test waits for actors, not how time passes
/// for them). Immutable; the <c>With</c> methods return changed copies.
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The defaults: 3 s for expectations, 10 s for settling and shutdown.</summary>
    public static TestKitSettings Default { get; } = new();

    /// <summary>How long <c>ExpectMsg</c> and friends wait when no timeout is given (outside <c>Within</c>).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsg()</c> waits on the real clock (on the virtual clock it settles instead).</summary>
    public TimeSpan NoMessageWait { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the virtual clock waits for the actor system to become idle after each timer tick before failing the test.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="ActorTestKit.Dispose()"/> waits for the actor system to terminate.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns a copy with another default expectation timeout.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The new settings.</returns>
    public TestKitSettings WithDefaultTimeout(TimeSpan timeout) => this with { DefaultTimeout = timeout };

    /// <summary>Returns a copy with another settle timeout.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>The new settings.</returns>
    public TestKitSettings WithSettleTimeout(TimeSpan timeout) => this with { SettleTimeout = timeout };
}
