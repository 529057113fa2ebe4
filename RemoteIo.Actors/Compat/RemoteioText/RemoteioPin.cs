namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>A pin as a remoteio client names it. Board 7 and GPIO 4 are the same pin; the backend decides identity.</summary>
/// <param name="Numbering">Board or GPIO numbering.</param>
/// <param name="Number">The pin number in that numbering.</param>
public readonly record struct RemoteioPin(RemoteioNumbering Numbering, int Number)
{
    /// <summary>Human-readable, e.g. "board pin 7" or "GPIO 4".</summary>
    public override string ToString() => Numbering == RemoteioNumbering.Board ? $"board pin {Number}" : $"GPIO {Number}";
}
