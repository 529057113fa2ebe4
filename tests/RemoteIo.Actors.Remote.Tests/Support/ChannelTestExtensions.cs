using System.Threading.Channels;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Guarded reads from the recording channels.</summary>
internal static class ChannelTestExtensions
{
    /// <summary>The next item, or a failure naming what was awaited after the guard time.</summary>
    public static async Task<T> NextAsync<T>(this Channel<T> channel, string what)
    {
        try
        {
            return await channel.Reader.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Guard);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"still waiting for: {what}");
        }
    }

    /// <summary>True when nothing is waiting in the channel right now.</summary>
    public static bool IsEmpty<T>(this Channel<T> channel) => !channel.Reader.TryPeek(out _);
}
