using System.Buffers;
using System.IO.Pipelines;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Read helpers for transport tests.</summary>
internal static class PipeTestExtensions
{
    /// <summary>Guard against hangs: a test that waits longer than this has failed.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    /// <summary>Reads exactly <paramref name="count"/> bytes, or throws when the stream ends first.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this PipeReader reader, int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await reader.ReadAsync().AsTask().WaitAsync(Guard);
            var take = (int)Math.Min(read.Buffer.Length, count - filled);
            read.Buffer.Slice(0, take).CopyTo(result.AsSpan(filled));
            filled += take;
            reader.AdvanceTo(read.Buffer.GetPosition(take));
            if (filled < count && read.IsCompleted)
            {
                throw new EndOfStreamException($"stream ended after {filled} of {count} bytes");
            }
        }

        return result;
    }

    /// <summary>Reads until the peer completes; returns everything read.</summary>
    public static async Task<byte[]> ReadToEndAsync(this PipeReader reader)
    {
        var all = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await reader.ReadAsync().AsTask().WaitAsync(Guard);
            foreach (var segment in read.Buffer)
            {
                all.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return all.WrittenSpan.ToArray();
            }
        }
    }

    /// <summary>Writes and flushes.</summary>
    public static async Task WriteAndFlushAsync(this PipeWriter writer, byte[] data)
    {
        await writer.WriteAsync(data).AsTask().WaitAsync(Guard);
    }
}
