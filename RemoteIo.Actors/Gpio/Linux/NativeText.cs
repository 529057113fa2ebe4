using System.Text;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>Fixed-size NUL-terminated strings of the uAPI structs.</summary>
internal static class NativeText
{
    /// <summary>Reads a string of at most <paramref name="size"/> bytes, stopping at the first NUL.</summary>
    /// <param name="text">The buffer.</param>
    /// <param name="size">Its size.</param>
    /// <returns>The string.</returns>
    public static unsafe string Read(byte* text, int size)
    {
        var span = new ReadOnlySpan<byte>(text, size);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>Writes <paramref name="value"/> NUL-terminated into a buffer of <paramref name="size"/> bytes (truncating to size - 1).</summary>
    /// <param name="value">The string (ASCII).</param>
    /// <param name="text">The buffer.</param>
    /// <param name="size">Its size.</param>
    public static unsafe void Write(string value, byte* text, int size)
    {
        var span = new Span<byte>(text, size);
        span.Clear();
        var written = Encoding.ASCII.GetBytes(value.AsSpan(0, Math.Min(value.Length, size - 1)), span);
        span[written] = 0;
    }
}
