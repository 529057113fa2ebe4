namespace RemoteIo.Integration.Tests.Support;

/// <summary>Waits for a condition about the host that the test can only ask about (pin states), asking again until it holds.</summary>
public static class Eventually
{
    /// <summary>Asks <paramref name="condition"/> until it returns true or <paramref name="timeout"/> passes (each ask is a round trip to the host).</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) => HoldsAsync(condition, () => what, timeout);

    /// <summary>As <see cref="HoldsAsync(Func{Task{bool}}, string, TimeSpan?)"/>, describing the state when it times out.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting until {what()}");
            }

            await Task.Yield();
        }
    }
}
