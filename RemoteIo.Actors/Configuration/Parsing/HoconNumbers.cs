namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Recognises HOCON (JSON-like) numbers as written in a document.</summary>
internal static class HoconNumbers
{
    /// <summary>
    /// True for <c>-?digits(.digits)?([eE][+-]?digits)?</c>. Leading zeros are accepted (JSON
    /// forbids them, but a human writing <c>007</c> means seven, not a string).
    /// </summary>
    /// <param name="text">The candidate text.</param>
    /// <returns>Whether the whole text is one number.</returns>
    public static bool IsNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (!SkipDigits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Moves past a run of ASCII digits; false if there was none.</summary>
    private static bool SkipDigits(ReadOnlySpan<char> text, ref int index)
    {
        var start = index;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index > start;
    }
}
