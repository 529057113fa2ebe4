using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// How to configure a pin claimed as an input (for every observer: bias, polarity and the line's
/// own debounce), plus how this client observes it. Immutable; derive variants with <c>WithX</c>.
/// </summary>
public sealed record InputOptions
{
    /// <summary>Bias as is, active high, no line debounce, default observation.</summary>
    public static InputOptions Default { get; } = new();

    /// <summary>The line's bias (pull-up for a button to ground).</summary>
    public Bias Bias { get; init; } = Bias.AsIs;

    /// <summary>Whether the level is inverted (a pressed button to ground reads high).</summary>
    public bool ActiveLow { get; init; }

    /// <summary>Debounce applied to the line itself, for every observer (zero: none).</summary>
    public TimeSpan LineDebounce { get; init; }

    /// <summary>How this client observes the input.</summary>
    public ObserveOptions Observe { get; init; } = ObserveOptions.Default;

    /// <summary>Returns a copy with another bias.</summary>
    /// <param name="bias">The bias.</param>
    /// <returns>The copy.</returns>
    public InputOptions WithBias(Bias bias) => this with { Bias = bias };

    /// <summary>Returns a copy with another polarity.</summary>
    /// <param name="activeLow">True to invert the level.</param>
    /// <returns>The copy.</returns>
    public InputOptions WithActiveLow(bool activeLow) => this with { ActiveLow = activeLow };

    /// <summary>Returns a copy with a line debounce.</summary>
    /// <param name="debounce">Zero or more.</param>
    /// <returns>The copy.</returns>
    public InputOptions WithLineDebounce(TimeSpan debounce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        return this with { LineDebounce = debounce };
    }

    /// <summary>Returns a copy observing differently.</summary>
    /// <param name="observe">The observation options.</param>
    /// <returns>The copy.</returns>
    public InputOptions WithObserve(ObserveOptions observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        return this with { Observe = observe };
    }
}
