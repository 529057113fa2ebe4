namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>
/// Waits for a condition that another thread makes true (a relay counted a frame, a link closed),
/// yielding between checks; fails after the guard time. This waits for an event, it does not time
/// behaviour.
/// </summary>
internal static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + PipeTestExtensions.Guard;
        var spins = 0;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"still waiting for: {what}");
            }

            if (++spins < 100)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1);
            }
        }
    }
}
