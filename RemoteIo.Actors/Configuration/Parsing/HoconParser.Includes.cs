namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Include statements: <c>include "f"</c>, <c>include file("f")</c>, <c>include required("f")</c>.</summary>
internal sealed partial class HoconParser
{
    /// <summary>The words that may wrap an include's file name.</summary>
    private static readonly string[] IncludeModifiers = ["required", "file", "url", "classpath"];

    /// <summary>
    /// True when the unquoted <c>include</c> at the cursor starts an include statement (it is
    /// followed by a quoted name or a modifier such as <c>required(</c>) rather than being a key.
    /// </summary>
    private bool IsIncludeStatement()
    {
        var offset = 1;
        while (PeekAt(offset).Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            offset++;
        }

        var next = PeekAt(offset);
        return next.Kind == HoconTokenKind.Quoted
            || (next.Kind == HoconTokenKind.Unquoted && Array.Exists(IncludeModifiers, m => next.Text.StartsWith(m + "(", StringComparison.Ordinal)));
    }

    /// <summary>Reads an include statement and merges the included source into <paramref name="target"/>.</summary>
    private void ParseInclude(ObjectNode target, string[]? path, string display)
    {
        var keyword = Next();
        SkipBlank();
        var token = Next();
        var required = false;
        var opened = 0;
        while (token.Kind == HoconTokenKind.Unquoted)
        {
            var (isRequired, count) = ParseIncludeModifiers(token, opened == 0);
            required |= isRequired;
            opened += count;
            SkipWhitespace();
            token = Next();
        }

        if (token.Kind != HoconTokenKind.Quoted)
        {
            throw Error(token, $"expected a quoted file name after include, found {token.Describe()}");
        }

        ExpectClosingParentheses(opened);
        IncludeLoader.Include(_context, token.Text, required, _file, Origin(keyword), target, path, display);
    }

    /// <summary>
    /// Reads <c>required(</c>, <c>file(</c>, <c>required(file(</c> (<c>required</c> only
    /// outermost); returns whether it is required and how many parentheses opened.
    /// </summary>
    private (bool Required, int Opened) ParseIncludeModifiers(HoconToken token, bool outermost)
    {
        var words = token.Text.Split('(');
        var required = false;
        for (var i = 0; i < words.Length - 1; i++)
        {
            switch (words[i])
            {
                case "required" when i == 0 && outermost:
                    required = true;
                    break;
                case "file":
                    break;
                case "url":
                    throw Error(token, "url(...) includes are not supported: download the file and include it by path");
                case "classpath":
                    throw Error(token, "classpath(...) includes are not supported: include the file by path");
                default:
                    throw Error(token, $"expected include \"name\", include file(\"name\") or include required(\"name\"), found {token.Describe()}");
            }
        }

        if (words[^1].Length != 0)
        {
            throw Error(token, $"expected a quoted file name inside {token.Describe()}");
        }

        return (required, words.Length - 1);
    }

    /// <summary>Consumes the <paramref name="count"/> closing parentheses of an include's modifiers.</summary>
    private void ExpectClosingParentheses(int count)
    {
        var closed = 0;
        while (closed < count)
        {
            SkipWhitespace();
            var token = Peek();
            if (token.Kind != HoconTokenKind.Unquoted || token.Text.AsSpan().ContainsAnyExcept(')') || closed + token.Text.Length > count)
            {
                throw Error(token, $"expected ')' to close the include, found {token.Describe()}");
            }

            closed += token.Text.Length;
            Next();
        }
    }
}
