namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>A test class with a pigpio server over a fake board on a virtual clock, and one connected client <see cref="Pi"/>.</summary>
public abstract class PigpioTestBase : IAsyncLifetime
{
    protected PigpioHarness H { get; } = new();

    protected PigpioClient Pi { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Pi = H.Connect();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await H.DisposeAsync();
}
