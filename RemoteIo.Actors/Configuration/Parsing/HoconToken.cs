namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>One token with the 1-based line and column of its first character.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">Its text: decoded content for strings, the raw path for substitutions, the characters otherwise.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Longest text quoted in an error message before it is cut short.</summary>
    private const int MaxQuotedLength = 40;

    /// <summary>How an error message names the token: <c>']'</c>, <c>end of input</c>, <c>'abc'</c>, ...</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Newline => "a newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.Quoted => HoconRenderer.Quote(Shorten(Text)),
        HoconTokenKind.Substitution => "${" + Shorten(Text) + "}",
        HoconTokenKind.OptionalSubstitution => "${?" + Shorten(Text) + "}",
        _ => "'" + Shorten(Text) + "'",
    };

    /// <summary>Cuts long text so a message stays on one readable line.</summary>
    private static string Shorten(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
