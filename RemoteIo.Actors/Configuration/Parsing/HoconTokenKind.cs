namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>The kinds of HOCON token.</summary>
internal enum HoconTokenKind
{
    /// <summary>The end of the input.</summary>
    End,

    /// <summary>A line feed: separates fields and list elements, ends a value concatenation.</summary>
    Newline,

    /// <summary>Spaces or tabs (not a line feed); kept because it matters between concatenated values and in keys.</summary>
    Whitespace,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    Equals,

    /// <summary><c>+=</c>, which appends to a list.</summary>
    PlusEquals,

    /// <summary><c>{</c></summary>
    OpenBrace,

    /// <summary><c>}</c></summary>
    CloseBrace,

    /// <summary><c>[</c></summary>
    OpenBracket,

    /// <summary><c>]</c></summary>
    CloseBracket,

    /// <summary>Unquoted text (also numbers, booleans and null before classification).</summary>
    Unquoted,

    /// <summary>A quoted or triple-quoted string; the text is the decoded content.</summary>
    Quoted,

    /// <summary><c>${path}</c>; the text is the raw path expression.</summary>
    Substitution,

    /// <summary><c>${?path}</c>; the text is the raw path expression.</summary>
    OptionalSubstitution,
}
