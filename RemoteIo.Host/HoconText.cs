using System.Globalization;
using System.Text;

namespace RemoteIo.Host;

/// <summary>Writes values into HOCON override snippets safely.</summary>
public static class HoconText
{
    /// <summary>
    /// A quoted HOCON string for <paramref name="value"/> (a JSON string literal, which HOCON reads
    /// as a quoted string), so a path with spaces, <c>#</c> or <c>${</c> stays one literal value.
    /// </summary>
    /// <param name="value">Any text.</param>
    /// <returns>The quoted form, e.g. <c>"/tmp/my file.csv"</c>.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Written by hand rather than with System.Text.Json's encoder: that loads
        // System.Text.Encodings.Web (a few hundred KB of idle RSS) for this one call at start-up.
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                '\b' => quoted.Append("\\b"),
                '\f' => quoted.Append("\\f"),
                < ' ' => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
