namespace RemoteIo.Actors.Gpio;

/// <summary>
/// What the chip reports about one line (the kernel's <c>gpio_v2_line_info</c>): its name, who
/// holds it and how it is configured. Lines not in use report their hardware state.
/// </summary>
/// <param name="Line">The line offset on the chip.</param>
/// <param name="Name">The line name, e.g. <c>GPIO17</c>; empty when the chip names none.</param>
/// <param name="Consumer">The label of whoever holds the line; empty when free.</param>
/// <param name="InUse">True when a consumer (or the kernel) holds the line: a request for it fails as busy.</param>
/// <param name="Direction">The current direction.</param>
/// <param name="ActiveLow">Whether the line is active-low.</param>
/// <param name="Bias">The bias in force, <see cref="LineBias.AsIs"/> when unknown.</param>
/// <param name="Drive">The output drive.</param>
/// <param name="EdgeDetection">The edges the holder asked to be told about.</param>
/// <param name="Debounce">The debounce period in force.</param>
public sealed record LineInfo(
    int Line,
    string Name,
    string Consumer,
    bool InUse,
    LineDirection Direction,
    bool ActiveLow,
    LineBias Bias,
    LineDrive Drive,
    PinEventTypes EdgeDetection,
    TimeSpan Debounce);
