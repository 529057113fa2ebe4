using System.Globalization;
using System.Text;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Renders resolved values as HOCON that parses back to equal values.</summary>
internal static class HoconRenderer
{
    /// <summary>Spaces per nesting level.</summary>
    private const int IndentWidth = 2;

    /// <summary>Renders a value; objects in braces.</summary>
    /// <param name="value">The value.</param>
    /// <returns>HOCON text.</returns>
    public static string Render(ConfigValue value)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>Renders the fields of a root object, one per line, without the outer braces.</summary>
    /// <param name="root">The root object.</param>
    /// <returns>HOCON text ending with a newline (empty for an empty object).</returns>
    public static string RenderRoot(ConfigObject root)
    {
        var builder = new StringBuilder();
        WriteFields(builder, root, 0);
        return builder.ToString();
    }

    /// <summary>Quotes a string as a JSON string literal.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The quoted, escaped string.</returns>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Writes the fields of <paramref name="obj"/>, each on its own line at <paramref name="indent"/>.</summary>
    private static void WriteFields(StringBuilder builder, ConfigObject obj, int indent)
    {
        foreach (var (key, value) in obj)
        {
            builder.Append(' ', indent * IndentWidth).Append(ConfigPath.RenderKey(key));
            builder.Append(value is ConfigObject { Count: > 0 } ? " " : " = ");
            WriteValue(builder, value, indent);
            builder.Append('\n');
        }
    }

    /// <summary>Writes one value whose first line continues the current line.</summary>
    private static void WriteValue(StringBuilder builder, ConfigValue value, int indent)
    {
        switch (value)
        {
            case ConfigScalar scalar:
                builder.Append(scalar.ValueType switch
                {
                    ConfigValueType.String => Quote(scalar.Text ?? string.Empty),
                    ConfigValueType.Null => "null",
                    _ => scalar.Text,
                });
                break;
            case ConfigObject { Count: 0 }:
                builder.Append("{}");
                break;
            case ConfigObject obj:
                builder.Append("{\n");
                WriteFields(builder, obj, indent + 1);
                builder.Append(' ', indent * IndentWidth).Append('}');
                break;
            case ConfigList list:
                WriteList(builder, list, indent);
                break;
            default:
                throw new InvalidOperationException($"unknown value type {value.GetType().Name}");
        }
    }

    /// <summary>Writes a list: on one line when it holds only scalars, one element per line otherwise.</summary>
    private static void WriteList(StringBuilder builder, ConfigList list, int indent)
    {
        if (list.All(item => item is ConfigScalar))
        {
            builder.Append('[');
            for (var i = 0; i < list.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ");
                WriteValue(builder, list[i], indent);
            }

            builder.Append(']');
            return;
        }

        builder.Append("[\n");
        foreach (var item in list)
        {
            builder.Append(' ', (indent + 1) * IndentWidth);
            WriteValue(builder, item, indent + 1);
            builder.Append('\n');
        }

        builder.Append(' ', indent * IndentWidth).Append(']');
    }
}
