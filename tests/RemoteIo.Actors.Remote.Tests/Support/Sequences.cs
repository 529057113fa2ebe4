using System.Buffers;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Multi-segment sequences, as a pipe hands them out when data arrives in pieces.</summary>
internal static class Sequences
{
    /// <summary>The bytes as a sequence of segments of <paramref name="size"/> bytes.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < bytes.Length; i += size)
        {
            var next = new Segment(bytes.AsMemory(i, Math.Min(size, bytes.Length - i)), i);
            first ??= next;
            last?.Append(next);
            last = next;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>A segment of a multi-segment sequence.</summary>
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long index)
        {
            Memory = memory;
            RunningIndex = index;
        }

        public void Append(Segment next) => Next = next;
    }
}
