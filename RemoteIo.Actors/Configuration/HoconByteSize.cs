using RemoteIo.Actors.Configuration.Parsing;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Reads HOCON sizes in bytes: a number and an optional unit (<c>64KiB</c>, <c>1M</c>,
/// <c>10MB</c>, <c>512b</c>); a bare number is bytes.
/// </summary>
/// <remarks>
/// As the HOCON spec says: <c>kB MB GB TB PB EB</c> (and <c>kilobyte</c>, ...) are powers of ten;
/// <c>K M G T P E</c>, their lower-case forms, <c>Ki Mi ...</c>, <c>KiB MiB ...</c> (and
/// <c>kibibyte</c>, ...) are powers of two; <c>B b byte bytes</c> are bytes. Fractions are
/// rounded to whole bytes; negative sizes are refused.
/// </remarks>
public static class HoconByteSize
{
    /// <summary>Bytes per unit name.</summary>
    private static readonly Dictionary<string, decimal> BytesPerUnit = BuildUnits();

    /// <summary>Reads a size in bytes.</summary>
    /// <param name="text">The size text.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="FormatException">The text is not a size; the message says what is accepted.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"\"{text}\" is not a size in bytes: expected a non-negative number and an optional unit, such as 512b, 64KiB, 1M or 10MB");
    }

    /// <summary>Reads a size in bytes without throwing.</summary>
    /// <param name="text">The size text.</param>
    /// <param name="bytes">The number of bytes, when the text is a size.</param>
    /// <returns>Whether the text is a non-negative size that fits a <see cref="long"/>.</returns>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (text is null || !UnitValue.TrySplit(text, out var number, out var unit) || number < 0)
        {
            return false;
        }

        var factor = unit.Length == 0 ? 1m : BytesPerUnit.GetValueOrDefault(unit);
        if (factor == 0 || !UnitValue.TryScale(number, factor, 1m, out var result))
        {
            return false;
        }

        bytes = (long)result;
        return true;
    }

    /// <summary>The unit names and their sizes in bytes.</summary>
    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] letters = ["K", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal power10 = 1, power2 = 1;
        for (var i = 0; i < letters.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            var letter = letters[i];
            var decimalSymbol = i == 0 ? "kB" : letter + "B";
            foreach (var name in new[] { decimalSymbol, decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units[name] = power10;
            }

            foreach (var name in new[] { letter, letter.ToLowerInvariant(), letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = power2;
            }
        }

        units["KB"] = 1000;
        return units;
    }
}
