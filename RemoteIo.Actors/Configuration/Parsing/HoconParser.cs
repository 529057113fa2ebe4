using System.Text;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Reads the tokens of one source (a file, a string, an included file) into the shared document
/// of a <see cref="ParseContext"/>. Recursive descent; nesting is bounded so hostile input gets an
/// error, never a stack overflow.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>Deepest nesting of objects and lists accepted.</summary>
    private const int MaxNesting = 200;

    /// <summary>The shared document state.</summary>
    private readonly ParseContext _context;

    /// <summary>The tokens of this source; the last is <see cref="HoconTokenKind.End"/>.</summary>
    private readonly List<HoconToken> _tokens;

    /// <summary>The source name for origins and errors.</summary>
    private readonly string _source;

    /// <summary>The path of the file being read, for relative includes; null for text without a file.</summary>
    private readonly string? _file;

    /// <summary>Where this source was included (empty at top level): substitutions try this prefix first.</summary>
    private readonly string[] _includePrefix;

    /// <summary>Index of the next token.</summary>
    private int _index;

    /// <summary>Current nesting depth of objects and lists.</summary>
    private int _depth;

    /// <summary>Creates a parser for one source.</summary>
    private HoconParser(ParseContext context, string text, string source, string? file, string[] includePrefix)
    {
        _context = context;
        _tokens = HoconLexer.Tokenize(text, source);
        _source = source;
        _file = file;
        _includePrefix = includePrefix;
    }

    /// <summary>
    /// Parses a whole source into <paramref name="target"/> (the root, or the object an include
    /// statement sits in), merging its fields with what is already there.
    /// </summary>
    /// <param name="context">The shared document state.</param>
    /// <param name="text">The source text.</param>
    /// <param name="source">The source name for errors.</param>
    /// <param name="file">The file path for relative includes, or null.</param>
    /// <param name="target">The object to merge into.</param>
    /// <param name="targetPath">The absolute path of <paramref name="target"/>, null inside a list.</param>
    /// <param name="targetDisplay">How messages name <paramref name="target"/> (empty for the root).</param>
    /// <exception cref="ConfigurationException">The text is not valid HOCON.</exception>
    public static void Parse(
        ParseContext context, string text, string source, string? file, ObjectNode target, string[]? targetPath, string targetDisplay)
    {
        var parser = new HoconParser(context, text, source, file, targetPath ?? []);
        parser.ParseDocument(target, targetPath, targetDisplay);
    }

    /// <summary>A document: braced or braceless fields; a list at the root is refused.</summary>
    private void ParseDocument(ObjectNode target, string[]? path, string display)
    {
        SkipBlank();
        var first = Peek();
        if (first.Kind == HoconTokenKind.OpenBrace)
        {
            Next();
            ParseFields(target, path, display, first);
            SkipBlank();
            if (Peek().Kind != HoconTokenKind.End)
            {
                throw Error(Peek(), $"expected end of input after the closing '}}', found {Peek().Describe()}");
            }
        }
        else if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(first, "the root of a configuration must be an object, found '['");
        }
        else
        {
            ParseFields(target, path, display, null);
        }
    }

    /// <summary>
    /// Fields and includes up to the closing brace (<paramref name="open"/> given) or the end of
    /// input, separated by commas or newlines.
    /// </summary>
    private void ParseFields(ObjectNode target, string[]? path, string display, HoconToken? open)
    {
        var braced = open is not null;
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (braced ? token.Kind == HoconTokenKind.CloseBrace : token.Kind == HoconTokenKind.End)
            {
                if (braced)
                {
                    Next();
                }

                return;
            }

            string what;
            if (token is { Kind: HoconTokenKind.Unquoted, Text: "include" } && IsIncludeStatement())
            {
                ParseInclude(target, path, display);
                what = "the include";
            }
            else if (token.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Quoted)
            {
                what = $"the value of '{ParseField(target, path, display)}'";
            }
            else
            {
                throw Error(token, braced
                    ? $"expected '}}' or a key, found {token.Describe()}{NotClosed(token, "object", open)}"
                    : $"expected a key or end of input, found {token.Describe()}");
            }

            SkipWhitespace();
            var after = Peek();
            if (after.Kind is HoconTokenKind.Comma or HoconTokenKind.Newline)
            {
                Next();
            }
            else if (after.Kind is not (HoconTokenKind.CloseBrace or HoconTokenKind.End))
            {
                var hint = after.Kind == HoconTokenKind.Colon ? " (put text containing ':' in double quotes, e.g. \"http://host\")" : string.Empty;
                throw Error(after, $"expected ',' or a newline after {what}, found {after.Describe()}{hint}");
            }
        }
    }

    /// <summary>One field: key, separator (or an object directly), value. Returns the field's display path.</summary>
    private string ParseField(ObjectNode target, string[]? path, string display)
    {
        var keyToken = Peek();
        var key = ParseKey();
        if (key.Length + _depth + _context.IncludeChain.Count > MaxNesting)
        {
            throw Error(keyToken, $"the key nests objects more than {MaxNesting} levels deep");
        }

        string[]? fieldPath = path is null ? null : [.. path, .. key];
        var fieldDisplay = JoinDisplay(display, key);
        SkipBlank();
        var separator = Peek();
        Node value;
        switch (separator.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.Equals:
                Next();
                SkipBlank();
                value = ParseValue(fieldPath, fieldDisplay, $"a value for '{fieldDisplay}'");
                break;
            case HoconTokenKind.OpenBrace:
                value = ParseValue(fieldPath, fieldDisplay, $"a value for '{fieldDisplay}'");
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipBlank();
                value = ParseAppend(target, key, fieldPath, fieldDisplay, separator);
                break;
            default:
                throw Error(separator, $"expected ':', '=', '+=' or '{{' after the key '{fieldDisplay}', found {separator.Describe()}");
        }

        NodeMerger.Assign(target, key, value, Origin(keyToken));
        return fieldDisplay;
    }

    /// <summary>
    /// A key: a path expression made of unquoted text (split on '.'), quoted strings (taken
    /// whole) and the whitespace between them.
    /// </summary>
    private string[] ParseKey()
    {
        var start = Peek();
        var elements = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                if (PeekAt(1).Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.Quoted))
                {
                    break;
                }

                current.Append(token.Text);
            }
            else if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                quoted = true;
            }
            else if (token.Kind == HoconTokenKind.Unquoted)
            {
                var pieces = token.Text.Split('.');
                for (var i = 0; i < pieces.Length; i++)
                {
                    if (i > 0)
                    {
                        EndKeyElement(elements, current, ref quoted, start);
                    }

                    current.Append(pieces[i]);
                }
            }
            else
            {
                if (token.Kind is HoconTokenKind.Substitution or HoconTokenKind.OptionalSubstitution)
                {
                    throw Error(token, "substitutions are not allowed in keys");
                }

                break;
            }

            Next();
        }

        EndKeyElement(elements, current, ref quoted, start);
        return [.. elements];
    }

    /// <summary>Closes one key element; an empty unquoted element (<c>a..b</c>, <c>.a</c>) is an error.</summary>
    private void EndKeyElement(List<string> elements, StringBuilder current, ref bool quoted, HoconToken start)
    {
        if (current.Length == 0 && !quoted)
        {
            throw Error(start, "invalid key: a path element is empty (write \"\" for an empty key, or remove the extra '.')");
        }

        elements.Add(current.ToString());
        current.Clear();
        quoted = false;
    }

    /// <summary>
    /// A value: one or more simple values, substitutions, objects or lists on one line, joined
    /// by value concatenation. Leading and trailing whitespace is dropped, inner whitespace kept.
    /// </summary>
    private Node ParseValue(string[]? fieldPath, string display, string expected)
    {
        var parts = new List<Node>();
        HoconToken? pendingWhitespace = null;
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.Whitespace)
            {
                Next();
                pendingWhitespace = parts.Count > 0 ? token : null;
                continue;
            }

            if (token.Kind is not (HoconTokenKind.Unquoted or HoconTokenKind.Quoted or HoconTokenKind.Substitution
                or HoconTokenKind.OptionalSubstitution or HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket))
            {
                break;
            }

            if (pendingWhitespace is { } whitespace)
            {
                parts.Add(new WhitespaceNode(whitespace.Text, Origin(whitespace)));
                pendingWhitespace = null;
            }

            parts.Add(ParsePart(fieldPath, display));
        }

        if (parts.Count == 0)
        {
            throw Error(Peek(), $"expected {expected}, found {Peek().Describe()}");
        }

        return Combine(parts);
    }

    /// <summary>One part of a value.</summary>
    private Node ParsePart(string[]? fieldPath, string display)
    {
        var token = Next();
        return token.Kind switch
        {
            HoconTokenKind.Unquoted => new LiteralNode(Classify(token)),
            HoconTokenKind.Quoted => new LiteralNode(new ConfigScalar(ConfigValueType.String, token.Text, Origin(token))),
            HoconTokenKind.OpenBrace => ParseObject(token, fieldPath, display),
            HoconTokenKind.OpenBracket => ParseList(token, display),
            _ => ParseSubstitution(token, fieldPath, display),
        };
    }

    /// <summary>Classifies a lone unquoted word: <c>true</c>/<c>false</c>, <c>null</c>, a number, or a string.</summary>
    private ConfigScalar Classify(HoconToken token)
    {
        var type = token.Text switch
        {
            "true" or "false" => ConfigValueType.Boolean,
            "null" => ConfigValueType.Null,
            _ when HoconNumbers.IsNumber(token.Text) => ConfigValueType.Number,
            _ => ConfigValueType.String,
        };
        return new ConfigScalar(type, type == ConfigValueType.Null ? null : token.Text, Origin(token));
    }

    /// <summary>
    /// Joins the parts of a value: a single part stays as it is (so <c>true</c> stays a boolean);
    /// parts that are all literal text become one string now; anything else waits for resolution.
    /// </summary>
    private static Node Combine(List<Node> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.TrueForAll(part => part is WhitespaceNode or LiteralNode))
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(part is WhitespaceNode whitespace ? whitespace.Text : ((ConfigScalar)((LiteralNode)part).Value).Text ?? "null");
            }

            return new LiteralNode(new ConfigScalar(ConfigValueType.String, text.ToString(), parts[0].Origin));
        }

        return new ConcatenationNode(parts);
    }

    /// <summary>An object literal after its opening brace; its fields are read with it as the innermost frame.</summary>
    private ObjectNode ParseObject(HoconToken open, string[]? fieldPath, string display)
    {
        Enter(open);
        var node = new ObjectNode(Origin(open));
        _context.Frames.Add(new ParseContext.Frame(node, fieldPath));
        try
        {
            ParseFields(node, fieldPath, display, open);
        }
        finally
        {
            _context.Frames.RemoveAt(_context.Frames.Count - 1);
            _depth--;
        }

        return node;
    }

    /// <summary>A list literal after its opening bracket: values separated by commas or newlines, trailing comma allowed.</summary>
    private ListNode ParseList(HoconToken open, string display)
    {
        Enter(open);
        var items = new List<Node>();
        while (true)
        {
            SkipBlank();
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBracket)
            {
                Next();
                break;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw Error(token, $"expected ']' or a value, found end of input{NotClosed(token, "list", open)}");
            }

            items.Add(ParseValue(null, $"{display}[{items.Count}]", "a value or ']'"));
            SkipWhitespace();
            var after = Peek();
            if (after.Kind is HoconTokenKind.Comma or HoconTokenKind.Newline)
            {
                Next();
            }
            else if (after.Kind is not (HoconTokenKind.CloseBracket or HoconTokenKind.End))
            {
                throw Error(after, $"expected ',' or ']' after a list element, found {after.Describe()}");
            }
        }

        _depth--;
        return new ListNode(items, Origin(open));
    }

    /// <summary>
    /// A substitution. Inside the value of the field it names (or a path below it), it is a
    /// self-reference bound now to the field's prior value; otherwise it is looked up at the end.
    /// </summary>
    private Node ParseSubstitution(HoconToken token, string[]? fieldPath, string display)
    {
        if (!ConfigPath.TryParse(token.Text, out var path, out var error))
        {
            throw Error(token, $"invalid substitution {token.Describe()}: {error}");
        }

        var optional = token.Kind == HoconTokenKind.OptionalSubstitution;
        var absolute = _includePrefix.Length == 0 ? path : [.. _includePrefix, .. path];
        if (fieldPath is not null && NodeMerger.IsPrefix(fieldPath, absolute))
        {
            var self = new SubstitutionNode(absolute, [], optional, display, Origin(token));
            return new SelfReferenceNode(self, fieldPath.Length, NodeMerger.PriorValue(_context.Frames, fieldPath));
        }

        return new SubstitutionNode(path, _includePrefix, optional, display, Origin(token));
    }

    /// <summary>
    /// <c>key += value</c>, which means <c>key = ${?key} [value]</c>: the prior value (if any)
    /// with one element appended.
    /// </summary>
    private ConcatenationNode ParseAppend(ObjectNode target, string[] key, string[]? fieldPath, string display, HoconToken separator)
    {
        var element = ParseValue(null, display + "[+]", $"a value to append to '{display}'");
        var origin = Origin(separator);
        Node self;
        if (fieldPath is not null)
        {
            var substitution = new SubstitutionNode(fieldPath, [], optional: true, display, origin);
            self = new SelfReferenceNode(substitution, fieldPath.Length, NodeMerger.PriorValue(_context.Frames, fieldPath));
        }
        else
        {
            var substitution = new SubstitutionNode(key, [], optional: true, display, origin);
            self = new SelfReferenceNode(substitution, key.Length, NodeMerger.Find(target, key, 0));
        }

        return new ConcatenationNode([self, new ListNode([element], element.Origin)], display);
    }

    /// <summary>Counts one level of nesting, refusing input nested deeper than <see cref="MaxNesting"/>.</summary>
    private void Enter(HoconToken open)
    {
        if (++_depth + _context.IncludeChain.Count > MaxNesting)
        {
            throw Error(open, $"objects and lists are nested more than {MaxNesting} levels deep");
        }
    }

    /// <summary>The suffix saying where an unclosed object or list started, when the input ended inside it.</summary>
    private static string NotClosed(HoconToken token, string what, HoconToken? open) =>
        token.Kind == HoconTokenKind.End && open is { } start ? $" (the {what} opened at line {start.Line}, column {start.Column} is not closed)" : string.Empty;

    /// <summary>The display path of a field inside an object displayed as <paramref name="display"/>.</summary>
    private static string JoinDisplay(string display, string[] key) =>
        display.Length == 0 ? ConfigPath.Render(key) : display + "." + ConfigPath.Render(key);

    /// <summary>The next token, without consuming it.</summary>
    private HoconToken Peek() => _tokens[_index];

    /// <summary>The token <paramref name="offset"/> ahead (the end token past the end).</summary>
    private HoconToken PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    /// <summary>Consumes the next token (never past the end token).</summary>
    private HoconToken Next()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    /// <summary>Skips spaces and tabs.</summary>
    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    /// <summary>Skips spaces, tabs and newlines.</summary>
    private void SkipBlank()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    /// <summary>The origin of a token in this source.</summary>
    private ConfigOrigin Origin(HoconToken token) => new(_source, token.Line, token.Column);

    /// <summary>An error at a token.</summary>
    private ConfigurationException Error(HoconToken token, string message) => ConfigurationException.At(Origin(token), message);
}
