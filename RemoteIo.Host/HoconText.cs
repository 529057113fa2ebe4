using System.Text.Encodings.Web;
using System.Text.Json;

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
        return "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
    }
}
