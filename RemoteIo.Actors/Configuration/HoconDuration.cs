using RemoteIo.Actors.Configuration.Parsing;

namespace RemoteIo.Actors.Configuration;

/// <summary>
/// Reads HOCON durations: a number and an optional unit (<c>100ms</c>, <c>2s</c>, <c>1 minute</c>,
/// <c>5 m</c>, <c>1.5h</c>, <c>250us</c>, <c>10ns</c>); a bare number is milliseconds, as in Akka.
/// </summary>
/// <remarks>
/// Use it where a duration arrives as a string, for instance in an options class bound through
/// <c>Microsoft.Extensions.Configuration</c> (which keeps durations as text):
/// <c>TimeSpan timeout = HoconDuration.Parse(options.Timeout);</c>.
/// <see cref="TimeSpan"/> counts in 100 ns ticks, so results are rounded to the nearest tick and
/// a non-zero duration shorter than one tick becomes one tick (never silently zero).
/// Units (lower case, as the spec requires): <c>ns nano nanos nanosecond(s)</c>,
/// <c>us µs micro micros microsecond(s)</c>, <c>ms milli millis millisecond(s)</c>,
/// <c>s second(s)</c>, <c>m minute(s)</c>, <c>h hour(s)</c>, <c>d day(s)</c>.
/// </remarks>
public static class HoconDuration
{
    /// <summary>Ticks per unit (nanosecond units divide by 100 instead; see <see cref="TryParse"/>).</summary>
    private static readonly Dictionary<string, decimal> TicksPerUnit = BuildUnits();

    /// <summary>Reads a duration.</summary>
    /// <param name="text">The duration text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a duration; the message says what is accepted.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException($"\"{text}\" is not a duration: expected a number and an optional unit (ns, us, ms, s, m, h, d), such as 100ms or 1.5 h");
    }

    /// <summary>Reads a duration without throwing.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The duration, when the text is one.</param>
    /// <returns>Whether the text is a duration that fits a <see cref="TimeSpan"/>.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is null || !UnitValue.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        var nanos = unit is "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds";
        var factor = nanos ? 1m : unit.Length == 0 ? TimeSpan.TicksPerMillisecond : TicksPerUnit.GetValueOrDefault(unit);
        if (factor == 0 || !UnitValue.TryScale(number, factor, nanos ? 100m : 1m, out var ticks))
        {
            return false;
        }

        if (ticks == 0 && number != 0)
        {
            ticks = Math.Sign(number);
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>The unit names and their sizes in ticks.</summary>
    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(TimeSpan.TicksPerMicrosecond, "us", "µs", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
