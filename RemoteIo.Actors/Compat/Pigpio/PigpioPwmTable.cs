namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpio's software PWM arithmetic: the 18 frequencies it can make at a given sample rate, the real
/// range (steps per period) of each, and how PFS picks the one closest to what was asked.
/// </summary>
internal sealed class PigpioPwmTable
{
    /// <summary>pigpio's default PWM range (PI_DEFAULT_DUTYCYCLE_RANGE).</summary>
    public const int DefaultRange = 255;

    /// <summary>The smallest range PRS accepts.</summary>
    public const int MinRange = 25;

    /// <summary>The largest range PRS accepts.</summary>
    public const int MaxRange = 40_000;

    /// <summary>The table index a GPIO starts with (800 Hz at 5 µs).</summary>
    public const int DefaultIndex = 5;

    /// <summary>pigpio's <c>pwmCycles</c>: one PWM period lasts 25 × this many samples.</summary>
    private static readonly int[] Cycles = [1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40, 50, 80, 100, 160, 200, 400, 800];

    /// <summary>pigpio's <c>pwmRealRange</c>: the steps in one period at each frequency.</summary>
    private static readonly int[] RealRanges = [25, 50, 100, 125, 200, 250, 400, 500, 625, 800, 1000, 1250, 2000, 2500, 4000, 5000, 10000, 20000];

    /// <summary>The frequencies (Hz) at this sample rate, highest first.</summary>
    private readonly int[] _frequencies;

    /// <summary>Builds the table for <paramref name="sampleRateMicroseconds"/>, rounding as pigpio does.</summary>
    /// <param name="sampleRateMicroseconds">pigpiod's <c>-s</c> value.</param>
    public PigpioPwmTable(int sampleRateMicroseconds)
    {
        _frequencies = new int[Cycles.Length];
        for (var i = 0; i < Cycles.Length; i++)
        {
            // pigpio: (1000000.0 / ((float)PULSE_PER_CYCLE * clockMicros * pwmCycles[i])) + 0.5, truncated.
            _frequencies[i] = (int)((1_000_000.0 / (25f * sampleRateMicroseconds * Cycles[i])) + 0.5);
        }
    }

    /// <summary>How many entries the table has.</summary>
    public static int Count => Cycles.Length;

    /// <summary>The frequency at <paramref name="index"/>.</summary>
    /// <param name="index">0-17.</param>
    public int Frequency(int index) => _frequencies[index];

    /// <summary>The real range at <paramref name="index"/>.</summary>
    /// <param name="index">0-17.</param>
    public static int RealRange(int index) => RealRanges[index];

    /// <summary>The index PFS chooses for <paramref name="frequency"/>: above the highest → the highest, below the lowest → the lowest, else the closest (the higher one on a tie).</summary>
    /// <param name="frequency">The frequency asked for, Hz.</param>
    public int ClosestIndex(uint frequency)
    {
        if (frequency > (uint)_frequencies[0])
        {
            return 0;
        }

        if (frequency < (uint)_frequencies[^1])
        {
            return _frequencies.Length - 1;
        }

        var best = uint.MaxValue;
        var index = 0;
        for (var i = 0; i < _frequencies.Length; i++)
        {
            var f = (uint)_frequencies[i];
            var diff = frequency > f ? frequency - f : f - frequency;
            if (diff < best)
            {
                best = diff;
                index = i;
            }
        }

        return index;
    }
}
