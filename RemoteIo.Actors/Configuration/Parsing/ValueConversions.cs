using System.Globalization;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// The spec's automatic conversions from a scalar to the type a program asks for (a string
/// <c>"42"</c> reads as an integer, <c>on</c> as true); objects, lists and null never convert.
/// </summary>
internal static class ValueConversions
{
    /// <summary>A conversion: false when the value is not of the wanted type.</summary>
    /// <typeparam name="T">The wanted type.</typeparam>
    /// <param name="value">The configured value.</param>
    /// <param name="result">The converted value.</param>
    /// <returns>Whether the value converts.</returns>
    public delegate bool Converter<T>(ConfigValue value, out T result);

    /// <summary>Any scalar as its text.</summary>
    public static bool TryString(ConfigValue value, out string result)
    {
        result = value is ConfigScalar { Text: { } text } ? text : string.Empty;
        return value is ConfigScalar { IsNull: false };
    }

    /// <summary>A 32-bit integer (a whole number written with a fraction or exponent is fine: <c>1e3</c>).</summary>
    public static bool TryInt(ConfigValue value, out int result)
    {
        var ok = TryLong(value, out var wide) && wide is >= int.MinValue and <= int.MaxValue;
        result = ok ? (int)wide : 0;
        return ok;
    }

    /// <summary>A 64-bit integer.</summary>
    public static bool TryLong(ConfigValue value, out long result)
    {
        result = 0;
        if (!TryNumberText(value, out var text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }

        try
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                && decimal.Truncate(exact) == exact && exact is >= long.MinValue and <= long.MaxValue)
            {
                result = (long)exact;
                return true;
            }
        }
        catch (OverflowException)
        {
            // Too large for decimal: certainly too large for long.
        }

        return false;
    }

    /// <summary>A double.</summary>
    public static bool TryDouble(ConfigValue value, out double result)
    {
        result = 0;
        return TryNumberText(value, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result)
            && double.IsFinite(result);
    }

    /// <summary>A boolean: <c>true yes on</c> / <c>false no off</c> (any case).</summary>
    public static bool TryBoolean(ConfigValue value, out bool result)
    {
        result = false;
        if (value is not ConfigScalar { Text: { } text, ValueType: ConfigValueType.Boolean or ConfigValueType.String })
        {
            return false;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                result = true;
                return true;
            case "false" or "no" or "off":
                return true;
            default:
                return false;
        }
    }

    /// <summary>A size in bytes (<see cref="HoconByteSize"/>); a number is bytes.</summary>
    public static bool TryByteSize(ConfigValue value, out long result)
    {
        result = 0;
        return value is ConfigScalar { Text: { } text, ValueType: ConfigValueType.Number or ConfigValueType.String }
            && HoconByteSize.TryParse(text, out result);
    }

    /// <summary>The duration conversion accepting <c>infinite</c>.</summary>
    private static readonly Converter<TimeSpan> DurationOrInfinite = CreateDuration(allowInfinite: true);

    /// <summary>The duration conversion refusing <c>infinite</c>.</summary>
    private static readonly Converter<TimeSpan> FiniteDuration = CreateDuration(allowInfinite: false);

    /// <summary>A duration (<see cref="HoconDuration"/>); a number is milliseconds; <c>infinite</c> only if allowed.</summary>
    public static Converter<TimeSpan> Duration(bool allowInfinite) => allowInfinite ? DurationOrInfinite : FiniteDuration;

    /// <summary>Builds a duration conversion.</summary>
    private static Converter<TimeSpan> CreateDuration(bool allowInfinite) => (ConfigValue value, out TimeSpan result) =>
    {
        result = TimeSpan.Zero;
        if (value is not ConfigScalar { Text: { } text, ValueType: ConfigValueType.Number or ConfigValueType.String })
        {
            return false;
        }

        if (text.Trim() is "infinite" or "inf")
        {
            result = Timeout.InfiniteTimeSpan;
            return allowInfinite;
        }

        return HoconDuration.TryParse(text, out result);
    };

    /// <summary>How a value is quoted in an error: strings in quotes, other scalars as written, collections by kind.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A short description.</returns>
    public static string Describe(ConfigValue value) => value switch
    {
        ConfigObject => "an object",
        ConfigList list => $"a list of {list.Count}",
        ConfigScalar { IsNull: true } => "null",
        ConfigScalar { ValueType: ConfigValueType.String, Text: { } text } => HoconRenderer.Quote(text.Length > 60 ? text[..60] + "..." : text),
        ConfigScalar scalar => scalar.Text ?? "null",
        _ => value.ValueType.ToString(),
    };

    /// <summary>The text of a number, or of a string that is one (spec: "string to number: parse the number").</summary>
    private static bool TryNumberText(ConfigValue value, out string text)
    {
        text = value is ConfigScalar { Text: { } t, ValueType: ConfigValueType.Number or ConfigValueType.String } ? t.Trim() : string.Empty;
        return HoconNumbers.IsNumber(text);
    }
}
