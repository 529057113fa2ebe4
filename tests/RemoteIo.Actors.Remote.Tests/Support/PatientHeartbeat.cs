namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>
/// Settings for the tests that push 160,000 messages over sixteen links inside this one process.
/// On a loaded 2-core machine such a process got no CPU for more than 4 s at a time, and the
/// default heartbeat deadline (1 s + 3 s) declared live links dead (2 of 5 and 1 of 7 loaded runs);
/// with 30 s the same runs pass. Those tests are about order and loss; dead-link detection has its
/// own tests (HeartbeatTests, on the virtual clock).
/// </summary>
internal static class PatientHeartbeat
{
    /// <summary>The defaults with 30 s of silence tolerated.</summary>
    public static RemoteSettings Settings { get; } =
        RemoteSettings.Default.WithHeartbeat(RemoteSettings.Default.HeartbeatInterval, TimeSpan.FromSeconds(30));
}
