using System.Globalization;

namespace RemoteIo.LoadTool;

/// <summary>Reads the host's transition log (<c>timestamp_ns,line,level</c>).</summary>
internal static class TransitionCsv
{
    /// <summary>The transitions of every line, oldest first.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Rows as (timestamp ns, line, level).</returns>
    public static List<(long Nanoseconds, int Line, bool Level)> Read(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(row => row.Split(',')).Select(f => (
            long.Parse(f[0], CultureInfo.InvariantCulture),
            int.Parse(f[1], CultureInfo.InvariantCulture),
            f[2] == "1"))];
}
