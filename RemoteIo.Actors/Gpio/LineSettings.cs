namespace RemoteIo.Actors.Gpio;

/// <summary>
/// How a line is requested: everything the kernel's GPIO uAPI v2 lets a consumer choose for one
/// line. Immutable; derive variants with the <c>WithX</c> methods, e.g.
/// <c>LineSettings.Input.WithBias(LineBias.PullUp).WithEdgeDetection(PinEventTypes.Falling)</c>.
/// </summary>
public sealed record LineSettings
{
    /// <summary>The longest debounce period the kernel accepts (its attribute is a 32-bit count of microseconds).</summary>
    public static readonly TimeSpan MaxDebounce = TimeSpan.FromMicroseconds(uint.MaxValue);

    /// <summary>An input with the bias left as it is, no edge detection.</summary>
    public static LineSettings Input { get; } = new();

    /// <summary>A push-pull output starting low.</summary>
    public static LineSettings Output { get; } = new() { Direction = LineDirection.Output };

    /// <summary>Read or drive.</summary>
    public LineDirection Direction { get; init; } = LineDirection.Input;

    /// <summary>The internal resistor; meaningful for inputs and for open-drain/open-source outputs.</summary>
    public LineBias Bias { get; init; } = LineBias.AsIs;

    /// <summary>Whether logical high is a low voltage (values and edges are inverted).</summary>
    public bool ActiveLow { get; init; }

    /// <summary>How an output drives the pin; must stay <see cref="LineDrive.PushPull"/> for inputs.</summary>
    public LineDrive Drive { get; init; } = LineDrive.PushPull;

    /// <summary>The logical value an output takes the instant it is requested (no glitch through another level).</summary>
    public PinValue InitialValue { get; init; } = PinValue.Low;

    /// <summary>Which edges of an input raise events; must be <see cref="PinEventTypes.None"/> for outputs.</summary>
    public PinEventTypes EdgeDetection { get; init; } = PinEventTypes.None;

    /// <summary>How long an input's level must be stable before it counts (zero = no debounce); kernel resolution is 1 µs.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.Zero;

    /// <summary>The settings System.Device.Gpio's <see cref="PinMode"/> stands for.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>Equivalent settings.</returns>
    public static LineSettings For(PinMode mode) => mode switch
    {
        PinMode.Input => Input,
        PinMode.Output => Output,
        PinMode.InputPullDown => Input.WithBias(LineBias.PullDown),
        PinMode.InputPullUp => Input.WithBias(LineBias.PullUp),
        _ => throw new GpioInvalidArgumentException($"pin mode {(int)mode} is not one of Input, Output, InputPullDown, InputPullUp"),
    };

    /// <summary>Returns a copy with another direction.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithDirection(LineDirection direction) => this with { Direction = direction };

    /// <summary>Returns a copy with another bias.</summary>
    /// <param name="bias">The bias.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithBias(LineBias bias) => this with { Bias = bias };

    /// <summary>Returns a copy with active-low on or off.</summary>
    /// <param name="activeLow">True for active-low.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithActiveLow(bool activeLow) => this with { ActiveLow = activeLow };

    /// <summary>Returns a copy with another output drive.</summary>
    /// <param name="drive">The drive.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithDrive(LineDrive drive) => this with { Drive = drive };

    /// <summary>Returns a copy with another initial output value.</summary>
    /// <param name="value">The logical value.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithInitialValue(PinValue value) => this with { InitialValue = value };

    /// <summary>Returns a copy with other edge detection.</summary>
    /// <param name="edges">The edges to report.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithEdgeDetection(PinEventTypes edges) => this with { EdgeDetection = edges };

    /// <summary>Returns a copy with another debounce period.</summary>
    /// <param name="debounce">The period; zero turns debounce off.</param>
    /// <returns>The new settings.</returns>
    public LineSettings WithDebounce(TimeSpan debounce) => this with { Debounce = debounce };

    /// <summary>
    /// Checks the combination the way the kernel does (<c>gpio_v2_line_flags_validate</c>) so a bad
    /// request fails with a clear message before anything is touched.
    /// </summary>
    /// <exception cref="GpioInvalidArgumentException">The settings are inconsistent.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Direction) || !Enum.IsDefined(Bias) || !Enum.IsDefined(Drive))
        {
            throw new GpioInvalidArgumentException($"line settings hold an undefined value: direction {Direction}, bias {Bias}, drive {Drive}");
        }

        if ((EdgeDetection & ~(PinEventTypes.Rising | PinEventTypes.Falling)) != 0)
        {
            throw new GpioInvalidArgumentException($"edge detection {(int)EdgeDetection} is not a combination of Rising and Falling");
        }

        if (Direction == LineDirection.Output && EdgeDetection != PinEventTypes.None)
        {
            throw new GpioInvalidArgumentException("edge detection is only available on inputs");
        }

        if (Direction == LineDirection.Output && Debounce != TimeSpan.Zero)
        {
            throw new GpioInvalidArgumentException("debounce is only available on inputs");
        }

        if (Direction == LineDirection.Input && Drive != LineDrive.PushPull)
        {
            throw new GpioInvalidArgumentException("open-drain and open-source drive are only available on outputs");
        }

        if (Debounce < TimeSpan.Zero || Debounce > MaxDebounce)
        {
            throw new GpioInvalidArgumentException($"debounce {Debounce} is outside 0..{MaxDebounce} (the kernel counts it in 32-bit microseconds)");
        }
    }
}
