using System.Collections.Concurrent;
using System.Text;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// HOCON path expressions (<c>remoteio.remote.port</c>, <c>a."b.c".d</c>): parsing into
/// elements and rendering elements back, quoting those that need it.
/// </summary>
internal static class ConfigPath
{
    /// <summary>Most paths kept in <see cref="Cache"/>; a program building paths dynamically cannot grow it without bound.</summary>
    private const int MaxCachedPaths = 4096;

    /// <summary>Parsed getter paths by expression.</summary>
    private static readonly ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Splits a path expression into its elements: <c>.</c> separates outside quotes, quoted parts
    /// are taken literally, whitespace around the whole expression is ignored.
    /// </summary>
    /// <param name="expression">The path expression.</param>
    /// <param name="elements">The elements, when the expression is valid.</param>
    /// <param name="error">Why it is invalid, otherwise.</param>
    /// <returns>Whether the expression is valid.</returns>
    public static bool TryParse(string expression, out string[] elements, out string error)
    {
        elements = [];
        var text = expression.AsSpan().Trim();
        if (text.IsEmpty)
        {
            error = "a path may not be empty";
            return false;
        }

        var result = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (!EndElement(result, current, ref quoted, out error))
                {
                    return false;
                }
            }
            else if (c == '"')
            {
                if (!ReadQuoted(text, ref i, current, out error))
                {
                    return false;
                }

                quoted = true;
            }
            else if (HoconLexer.IsForbidden(c) || c == '\n')
            {
                error = c == '\n' ? "a path may not contain a newline" : $"'{c}' is not allowed in a path (quote the element)";
                return false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (!EndElement(result, current, ref quoted, out error))
        {
            return false;
        }

        elements = [.. result];
        return true;
    }

    /// <summary>
    /// Parses a path expression given by a program, throwing <see cref="ArgumentException"/> when
    /// invalid. Programs ask for the same few paths over and over, so parsed paths are cached
    /// (up to <see cref="MaxCachedPaths"/>; the arrays are shared and must not be changed).
    /// </summary>
    /// <param name="expression">The path.</param>
    /// <returns>Its elements.</returns>
    public static string[] ParseArgument(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (Cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (!TryParse(expression, out var elements, out var error))
        {
            throw new ArgumentException($"invalid configuration path '{expression}': {error}", nameof(expression));
        }

        if (Cache.Count < MaxCachedPaths)
        {
            Cache.TryAdd(expression, elements);
        }

        return elements;
    }

    /// <summary>Renders elements as a path expression, quoting elements that need it.</summary>
    /// <param name="elements">The elements.</param>
    /// <returns>The expression, e.g. <c>a."b.c"</c>.</returns>
    public static string Render(IEnumerable<string> elements) => string.Join('.', elements.Select(RenderKey));

    /// <summary>Renders one key, quoted unless it is plain unquoted text (letters, digits, '-', '_').</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key as it would be written in a document.</returns>
    public static string RenderKey(string key) => NeedsQuotes(key) ? HoconRenderer.Quote(key) : key;

    /// <summary>True for keys that would not read back as themselves unquoted.</summary>
    private static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key == "include")
        {
            return true;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Closes the current element; an empty unquoted element is an error.</summary>
    private static bool EndElement(List<string> result, StringBuilder current, ref bool quoted, out string error)
    {
        if (current.Length == 0 && !quoted)
        {
            error = "a path element is empty (write \"\" for an empty key)";
            return false;
        }

        result.Add(current.ToString());
        current.Clear();
        quoted = false;
        error = string.Empty;
        return true;
    }

    /// <summary>Reads a quoted element part starting at the quote at <paramref name="index"/>, decoding simple escapes.</summary>
    private static bool ReadQuoted(ReadOnlySpan<char> text, ref int index, StringBuilder current, out string error)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                index = i;
                error = string.Empty;
                return true;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                c = text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[i] };
            }

            current.Append(c);
        }

        error = "a quoted path element is not closed";
        return false;
    }
}
