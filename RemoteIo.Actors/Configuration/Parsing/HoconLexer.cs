using System.Globalization;
using System.Text;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Splits HOCON text into tokens, dropping comments. Every character is consumed by exactly one
/// branch, so the lexer always terminates; anything it cannot read is a
/// <see cref="ConfigurationException"/> naming the source, line and column.
/// </summary>
internal sealed class HoconLexer
{
    /// <summary>Characters that may not appear in unquoted text (HOCON spec), besides whitespace.</summary>
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    /// <summary>The text being read.</summary>
    private readonly string _text;

    /// <summary>The source name used in origins and errors.</summary>
    private readonly string _source;

    /// <summary>The tokens produced so far.</summary>
    private readonly List<HoconToken> _tokens = [];

    /// <summary>Index of the next character to read.</summary>
    private int _position;

    /// <summary>1-based line of the next character.</summary>
    private int _line = 1;

    /// <summary>1-based column of the next character.</summary>
    private int _column = 1;

    /// <summary>Creates a lexer over <paramref name="text"/>.</summary>
    private HoconLexer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>Reads all tokens of <paramref name="text"/>; the last one is always <see cref="HoconTokenKind.End"/>.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="source">The source name for errors.</param>
    /// <returns>The tokens, comments removed.</returns>
    /// <exception cref="ConfigurationException">A character or string that HOCON does not allow.</exception>
    public static List<HoconToken> Tokenize(string text, string source)
    {
        var lexer = new HoconLexer(text, source);
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>True for the characters HOCON counts as whitespace, except the newline.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it separates tokens.</returns>
    public static bool IsWhitespace(char c) =>
        c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF' || c is >= '\u001C' and <= '\u001F');

    /// <summary>True for characters that end unquoted text.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it is forbidden in unquoted text.</returns>
    public static bool IsForbidden(char c) => Forbidden.Contains(c, StringComparison.Ordinal);

    /// <summary>Reads tokens until the end of the text.</summary>
    private void Run()
    {
        while (_position < _text.Length)
        {
            ReadToken();
        }

        _tokens.Add(new HoconToken(HoconTokenKind.End, string.Empty, _line, _column));
    }

    /// <summary>Reads one token (or one comment) starting at the current position.</summary>
    private void ReadToken()
    {
        var c = _text[_position];
        switch (c)
        {
            case '\n':
                Emit(HoconTokenKind.Newline, 1);
                return;
            case '#':
                SkipComment();
                return;
            case '/' when Peek(1) == '/':
                SkipComment();
                return;
            case ',':
                Emit(HoconTokenKind.Comma, 1);
                return;
            case ':':
                Emit(HoconTokenKind.Colon, 1);
                return;
            case '=':
                Emit(HoconTokenKind.Equals, 1);
                return;
            case '{':
                Emit(HoconTokenKind.OpenBrace, 1);
                return;
            case '}':
                Emit(HoconTokenKind.CloseBrace, 1);
                return;
            case '[':
                Emit(HoconTokenKind.OpenBracket, 1);
                return;
            case ']':
                Emit(HoconTokenKind.CloseBracket, 1);
                return;
            case '+' when Peek(1) == '=':
                Emit(HoconTokenKind.PlusEquals, 2);
                return;
            case '"':
                ReadQuoted();
                return;
            case '$' when Peek(1) == '{':
                ReadSubstitution();
                return;
            default:
                break;
        }

        if (IsWhitespace(c))
        {
            ReadWhile(HoconTokenKind.Whitespace, IsWhitespace);
        }
        else if (IsForbidden(c))
        {
            throw Error(_line, _column, ForbiddenMessage(c));
        }
        else
        {
            ReadUnquoted();
        }
    }

    /// <summary>Explains why a forbidden character cannot start a token here.</summary>
    private static string ForbiddenMessage(char c) => c switch
    {
        '$' => "'$' is not allowed in unquoted text: write ${path} for a substitution, or quote the text",
        '+' => "'+' is not allowed in unquoted text: write += to append to a list, or quote the text",
        _ => $"'{c}' is not allowed in unquoted text: put the text in double quotes",
    };

    /// <summary>The character <paramref name="offset"/> ahead, or NUL past the end.</summary>
    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    /// <summary>Adds a token of <paramref name="length"/> characters and moves past them.</summary>
    private void Emit(HoconTokenKind kind, int length)
    {
        _tokens.Add(new HoconToken(kind, _text.Substring(_position, length), _line, _column));
        Advance(length);
    }

    /// <summary>Moves forward, keeping line and column in step.</summary>
    private void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_position] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _position++;
        }
    }

    /// <summary>Adds a token made of the run of characters matching <paramref name="predicate"/>.</summary>
    private void ReadWhile(HoconTokenKind kind, Func<char, bool> predicate)
    {
        var end = _position;
        while (end < _text.Length && predicate(_text[end]))
        {
            end++;
        }

        Emit(kind, end - _position);
    }

    /// <summary>Skips a <c>#</c> or <c>//</c> comment up to (not including) the newline, which still separates.</summary>
    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _position);
        Advance((end < 0 ? _text.Length : end) - _position);
    }

    /// <summary>
    /// Reads unquoted text up to whitespace, a forbidden character or <c>//</c>. A <c>+</c> is
    /// allowed only as the sign of a number's exponent (<c>1e+5</c>).
    /// </summary>
    private void ReadUnquoted()
    {
        var end = _position;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (c == '/' && end + 1 < _text.Length && _text[end + 1] == '/')
            {
                break;
            }

            if (c == '\n' || IsWhitespace(c) || (IsForbidden(c) && !IsExponentSign(end)))
            {
                break;
            }

            end++;
        }

        Emit(HoconTokenKind.Unquoted, end - _position);
    }

    /// <summary>True when the '+' at <paramref name="index"/> is an exponent sign inside a number like <c>1.5e+3</c>.</summary>
    private bool IsExponentSign(int index)
    {
        if (_text[index] != '+' || index + 1 >= _text.Length || !char.IsAsciiDigit(_text[index + 1]))
        {
            return false;
        }

        var sofar = _text.AsSpan(_position, index - _position);
        return sofar.Length >= 2 && (sofar[^1] is 'e' or 'E') && HoconNumbers.IsNumber(sofar[..^1]);
    }

    /// <summary>Reads <c>"..."</c> (JSON escapes) or <c>"""..."""</c> (raw, may span lines).</summary>
    private void ReadQuoted()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            ReadTripleQuoted();
            return;
        }

        var (line, column) = (_line, _column);
        var end = SkipQuotedString(_position);
        var content = DecodeQuoted(_position + 1, end - 1);
        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, content, line, column));
        Advance(end - _position);
    }

    /// <summary>
    /// Finds the end (index after the closing quote) of the quoted string starting at
    /// <paramref name="start"/>, checking it stays on one line and has no raw control characters.
    /// </summary>
    private int SkipQuotedString(int start)
    {
        var index = start + 1;
        while (true)
        {
            if (index >= _text.Length || _text[index] == '\n')
            {
                throw ErrorAt(start, "unterminated quoted string: a \"...\" string must end on the same line (use \"\"\"...\"\"\" for several lines)");
            }

            var c = _text[index];
            if (c == '"')
            {
                return index + 1;
            }

            if (c < ' ')
            {
                throw ErrorAt(index, $"control character U+{(int)c:X4} must be escaped in a quoted string");
            }

            index += c == '\\' ? 2 : 1;
        }
    }

    /// <summary>Decodes the JSON escapes of the quoted string content between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private string DecodeQuoted(int from, int to)
    {
        var span = _text.AsSpan(from, to - from);
        if (!span.Contains('\\'))
        {
            return span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        for (var i = from; i < to; i++)
        {
            var c = _text[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i = AppendEscape(builder, i + 1, to);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Appends the character escaped by the letter at <paramref name="index"/> and returns the
    /// index of the escape's last character (past the four digits of a \u escape).
    /// </summary>
    private int AppendEscape(StringBuilder builder, int index, int limit)
    {
        var simple = _text[index] switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => '\0',
        };
        if (simple != '\0')
        {
            builder.Append(simple);
            return index;
        }

        switch (_text[index])
        {
            case 'u':
                if (index + 4 < limit
                    && ushort.TryParse(_text.AsSpan(index + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    return index + 4;
                }

                throw ErrorAt(index - 1, "\\u must be followed by four hexadecimal digits");
            default:
                throw ErrorAt(index - 1, $"unknown escape '\\{_text[index]}' in a quoted string (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    /// <summary>Reads a triple-quoted string; extra quotes before the closing three belong to the content.</summary>
    private void ReadTripleQuoted()
    {
        var (line, column) = (_line, _column);
        var close = _text.IndexOf("\"\"\"", _position + 3, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(line, column, "unterminated triple-quoted string: expected a closing \"\"\"");
        }

        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var content = _text.Substring(_position + 3, close - _position - 3);
        _tokens.Add(new HoconToken(HoconTokenKind.Quoted, content, line, column));
        Advance(close + 3 - _position);
    }

    /// <summary>Reads <c>${path}</c> or <c>${?path}</c>; the path may contain quoted parts, never a newline.</summary>
    private void ReadSubstitution()
    {
        var (line, column) = (_line, _column);
        var optional = Peek(2) == '?';
        var start = _position + (optional ? 3 : 2);
        var index = start;
        while (true)
        {
            if (index >= _text.Length || _text[index] == '\n')
            {
                throw Error(line, column, "unterminated substitution: expected '}' to close '${' on the same line");
            }

            if (_text[index] == '}')
            {
                break;
            }

            index = _text[index] == '"' ? SkipQuotedString(index) : index + 1;
        }

        var kind = optional ? HoconTokenKind.OptionalSubstitution : HoconTokenKind.Substitution;
        _tokens.Add(new HoconToken(kind, _text[start..index], line, column));
        Advance(index + 1 - _position);
    }

    /// <summary>An error at the character with index <paramref name="index"/>.</summary>
    private ConfigurationException ErrorAt(int index, string message)
    {
        var (line, column) = (_line, _column);
        for (var i = _position; i < index; i++)
        {
            (line, column) = _text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return Error(line, column, message);
    }

    /// <summary>An error at a line and column of this source.</summary>
    private ConfigurationException Error(int line, int column, string message) =>
        ConfigurationException.At(new ConfigOrigin(_source, line, column), message);
}
