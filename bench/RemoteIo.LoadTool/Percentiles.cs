using System.Globalization;

namespace RemoteIo.LoadTool;

/// <summary>Percentiles of a set of latencies (nearest rank).</summary>
internal static class Percentiles
{
    /// <summary>Formats p50, p90, p99, p99.9 and max of <paramref name="microseconds"/>.</summary>
    /// <param name="microseconds">The samples in µs.</param>
    /// <returns>One line.</returns>
    public static string Describe(IReadOnlyList<double> microseconds)
    {
        var sorted = microseconds.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Length}  p50={At(sorted, 0.50):F1} µs  p90={At(sorted, 0.90):F1} µs  p99={At(sorted, 0.99):F1} µs  p99.9={At(sorted, 0.999):F1} µs  max={sorted[^1]:F1} µs");
    }

    /// <summary>The nearest-rank percentile.</summary>
    /// <param name="sorted">Sorted samples.</param>
    /// <param name="p">0..1.</param>
    /// <returns>The value.</returns>
    public static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
