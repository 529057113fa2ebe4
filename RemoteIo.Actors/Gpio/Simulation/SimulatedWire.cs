using System.Globalization;

namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// A jumper wire on the simulated chip, as on a breadboard: the line <see cref="To"/> follows the
/// level of the line <see cref="From"/> while nothing drives it itself (configured in HOCON as
/// <c>remoteio.gpio.simulation.wires = [ "20->21" ]</c> or <c>[ { from = 20, to = 21 } ]</c>). It
/// lets a host without hardware produce real input edges: one client drives 20, others observe 21.
/// </summary>
/// <param name="From">The line whose level is followed (typically an output).</param>
/// <param name="To">The line that follows (typically an input).</param>
public readonly record struct SimulatedWire(int From, int To)
{
    /// <summary>The separator of the text form.</summary>
    private const string Arrow = "->";

    /// <summary>Parses the text form <c>FROM->TO</c> (spaces around the numbers allowed).</summary>
    /// <param name="text">For example <c>20->21</c>.</param>
    /// <returns>The wire.</returns>
    /// <exception cref="GpioInvalidArgumentException">The text is not two line numbers joined by <c>-&gt;</c>.</exception>
    public static SimulatedWire Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arrow = text.IndexOf(Arrow, StringComparison.Ordinal);
        if (arrow < 0
            || !int.TryParse(text.AsSpan(0, arrow).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(text.AsSpan(arrow + Arrow.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            throw new GpioInvalidArgumentException($"\"{text}\" is not a wire: write FROM->TO with two line numbers, e.g. \"20->21\"");
        }

        return new SimulatedWire(from, to);
    }

    /// <summary>The text form, e.g. <c>20->21</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}{Arrow}{To}");
}
