using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// Frames and parses remoteio's requests. As remoteio's server does, a request is complete once six
/// spaces have arrived: six tokens, each ended by one space —
/// <c>numbering pin command time_ms arg1 arg2 </c> — however the bytes were split or coalesced.
/// CR, LF and TAB around a token are ignored (for hand-typed requests). Nothing is evaluated: the
/// numbering and command are looked up in closed sets and the numbers parsed as numbers.
/// </summary>
internal static class RemoteioParser
{
    /// <summary>Tokens per request.</summary>
    public const int Tokens = 6;

    /// <summary>The longest duration accepted, in milliseconds (about 24.8 days).</summary>
    public const double MaxTimeMs = int.MaxValue;

    /// <summary>How much of a bad token an error message quotes.</summary>
    private const int QuoteLength = 24;

    /// <summary>The command names, in <see cref="RemoteioCommand"/> order.</summary>
    private static readonly string[] Names = ["create", "on", "off", "blink", "pulse", "value", "close"];

    /// <summary>The command names as UTF-8, for comparing without decoding.</summary>
    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The name a client sends for <paramref name="command"/>.</summary>
    public static string NameOf(RemoteioCommand command) => Names[(int)command];

    /// <summary>
    /// Takes one request off the front of <paramref name="buffer"/>. A request longer than
    /// <paramref name="maxBytes"/> is refused; if it has not even ended yet, every pending byte is
    /// dropped so the connection can go on.
    /// </summary>
    /// <returns>False when more bytes are needed.</returns>
    public static bool TryTake(ref ReadOnlySequence<byte> buffer, int maxBytes, out RemoteioParseResult result)
    {
        var reader = new SequenceReader<byte>(buffer);
        for (var i = 0; i < Tokens; i++)
        {
            if (!reader.TryAdvanceTo((byte)' '))
            {
                if (buffer.Length > maxBytes)
                {
                    buffer = buffer.Slice(buffer.End);
                    result = RemoteioParseResult.Fail($"malformed request: longer than {maxBytes} bytes without six space-ended tokens; dropped");
                    return true;
                }

                result = default;
                return false;
            }
        }

        var length = reader.Consumed;
        var request = buffer.Slice(0, length);
        buffer = buffer.Slice(length);
        if (length > maxBytes)
        {
            result = RemoteioParseResult.Fail($"malformed request: longer than {maxBytes} bytes");
            return true;
        }

        var rented = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            request.CopyTo(rented);
            result = Parse(rented.AsSpan(0, (int)length));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses one framed request (six tokens, each followed by a space).</summary>
    public static RemoteioParseResult Parse(ReadOnlySpan<byte> text)
    {
        Span<Range> tokens = stackalloc Range[Tokens];
        var start = 0;
        for (var i = 0; i < Tokens; i++)
        {
            var end = start + text[start..].IndexOf((byte)' ');
            tokens[i] = Trim(text, start, end);
            start = end + 1;
        }

        var numbering = text[tokens[0]];
        if (numbering.Length != 1 || numbering[0] is not ((byte)'b' or (byte)'g'))
        {
            return RemoteioParseResult.Fail($"malformed request: numbering must be 'b' or 'g', not {Quote(numbering)}");
        }

        var pinText = text[tokens[1]];
        if (!Utf8Parser.TryParse(pinText, out int pin, out var used) || used != pinText.Length || pin < 0)
        {
            return RemoteioParseResult.Fail($"malformed request: pin must be a whole number ≥ 0, not {Quote(pinText)}");
        }

        var commandText = text[tokens[2]];
        var command = IndexOfName(commandText);
        if (command < 0)
        {
            return RemoteioParseResult.Fail($"unknown command {Quote(commandText)} (expected create, on, off, blink, pulse, value or close)");
        }

        if (!TryNumber(text[tokens[3]], out var timeMs) || timeMs < 0 || timeMs > MaxTimeMs)
        {
            return RemoteioParseResult.Fail($"malformed request: time_ms must be a number of milliseconds from 0 to {MaxTimeMs}, not {Quote(text[tokens[3]])}");
        }

        if (!TryNumber(text[tokens[4]], out var arg1))
        {
            return RemoteioParseResult.Fail($"malformed request: arg1 must be a number, not {Quote(text[tokens[4]])}");
        }

        if (!TryNumber(text[tokens[5]], out var arg2))
        {
            return RemoteioParseResult.Fail($"malformed request: arg2 must be a number, not {Quote(text[tokens[5]])}");
        }

        var request = new RemoteioRequest(
            new RemoteioPin(numbering[0] == (byte)'b' ? RemoteioNumbering.Board : RemoteioNumbering.Gpio, pin),
            (RemoteioCommand)command,
            TimeSpan.FromMilliseconds(timeMs),
            arg1,
            arg2);
        return CheckArguments(request) is { } error ? RemoteioParseResult.Fail(error) : new RemoteioParseResult(request, null);
    }

    /// <summary>The command-specific ranges: a value's level in [0, 1], blink and pulse times not negative.</summary>
    private static string? CheckArguments(in RemoteioRequest request) => request.Command switch
    {
        RemoteioCommand.Value when request.Arg1 is < 0 or > 1 =>
            $"invalid argument: value level (arg1) must be from 0 to 1, not {request.Arg1.ToString(CultureInfo.InvariantCulture)}",
        RemoteioCommand.Blink when request.Arg1 < 0 || request.Arg2 < 0 =>
            "invalid argument: blink on and off times (arg1, arg2) must not be negative",
        RemoteioCommand.Pulse when request.Arg1 < 0 || request.Arg2 < 0 =>
            "invalid argument: pulse fade times (arg1, arg2) must not be negative",
        _ => null,
    };

    /// <summary>The command whose name <paramref name="token"/> is, or -1.</summary>
    private static int IndexOfName(ReadOnlySpan<byte> token)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (token.SequenceEqual(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Parses a finite decimal number as Python's <c>float()</c> would read the client's text.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The token between <paramref name="start"/> and <paramref name="end"/> without surrounding CR, LF or TAB.</summary>
    private static Range Trim(ReadOnlySpan<byte> text, int start, int end)
    {
        while (start < end && text[start] is (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            end--;
        }

        return start..end;
    }

    /// <summary>A bad token for an error message: quoted, shortened, control characters replaced, so a reply never carries what the client injected.</summary>
    private static string Quote(ReadOnlySpan<byte> token)
    {
        var text = Encoding.UTF8.GetString(token[..Math.Min(token.Length, QuoteLength)]);
        var safe = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
        return token.Length > QuoteLength ? $"'{safe}…'" : $"'{safe}'";
    }
}
