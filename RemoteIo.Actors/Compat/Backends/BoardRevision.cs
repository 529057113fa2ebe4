using System.Globalization;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>The host's Raspberry Pi revision code, as pigpio's HWVER reports it (read from <c>/proc/cpuinfo</c>).</summary>
internal static class BoardRevision
{
    /// <summary>A Raspberry Pi 4B (1.1, 2 GB): what a host that is not a Pi (a simulated GPIO chip) reports, so clients that look the board up (gpiozero) know its 40-pin header.</summary>
    public const uint Fallback = 0xC03111;

    /// <summary>The revision in <paramref name="cpuinfoPath"/> (<c>Revision : c03111</c>), or <see cref="Fallback"/> when there is none.</summary>
    /// <param name="cpuinfoPath">The cpuinfo file.</param>
    public static uint Detect(string cpuinfoPath = "/proc/cpuinfo")
    {
        try
        {
            if (!File.Exists(cpuinfoPath))
            {
                return Fallback;
            }

            foreach (var line in File.ReadLines(cpuinfoPath))
            {
                if (TryParseLine(line, out var revision))
                {
                    return revision;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Fallback;
    }

    /// <summary>Parses a <c>Revision\t: c03111</c> line.</summary>
    /// <param name="line">A line of cpuinfo.</param>
    /// <param name="revision">The code, when the line is the revision.</param>
    public static bool TryParseLine(string line, out uint revision)
    {
        revision = 0;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && line[..colon].Trim().Equals("Revision", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(line[(colon + 1)..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out revision)
            && revision != 0;
    }
}
