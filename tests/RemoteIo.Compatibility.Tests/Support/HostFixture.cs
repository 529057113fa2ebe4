namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>One <see cref="CompatHost"/> shared by the tests of a class (starting a host per test would dominate the run time).</summary>
/// <param name="mode">The host's default mode.</param>
/// <param name="overrides">HOCON applied last.</param>
public abstract class HostFixture(string mode, params string[] overrides) : IAsyncLifetime
{
    public CompatHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CompatHost.StartAsync(mode, overrides);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

/// <summary>A host in wait mode (the default). GPIO 6 rests high (its safe level), so it can stand for a released button's line.</summary>
public sealed class WaitHostFixture() : HostFixture("wait", "remoteio.pins.pin-settings { 6 { safe-level = high } }");

/// <summary>A host in nowait mode.</summary>
public sealed class NowaitHostFixture() : HostFixture("nowait");
