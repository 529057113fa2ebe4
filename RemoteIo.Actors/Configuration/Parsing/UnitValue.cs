using System.Globalization;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// The spec's "units format": optional whitespace, a number, optional whitespace, an optional
/// unit made of letters, optional whitespace (<c>100ms</c>, <c>5 m</c>, <c>1.5h</c>, <c>64KiB</c>).
/// </summary>
internal static class UnitValue
{
    /// <summary>Splits <paramref name="text"/> into its number and unit (empty when there is none).</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number, exactly.</param>
    /// <param name="unit">The unit letters, possibly empty.</param>
    /// <returns>False when the text is not a number followed by letters.</returns>
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = span[unitStart..].ToString();
        var digits = span[..unitStart].TrimEnd();
        number = 0;
        if (!HoconNumbers.IsNumber(digits))
        {
            return false;
        }

        try
        {
            return decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Multiplies and rounds to a whole number, failing on overflow instead of throwing.</summary>
    /// <param name="number">The number.</param>
    /// <param name="factor">The unit's size.</param>
    /// <param name="divisor">Divides the product (for units smaller than the result's unit).</param>
    /// <param name="result">The product rounded half away from zero.</param>
    /// <returns>False when it does not fit a <see cref="long"/>.</returns>
    public static bool TryScale(decimal number, decimal factor, decimal divisor, out decimal result)
    {
        try
        {
            result = Math.Round(number * factor / divisor, MidpointRounding.AwayFromZero);
            return result is >= long.MinValue and <= long.MaxValue;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }
}
