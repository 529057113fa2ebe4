namespace RemoteIo.Actors.Gpio;

/// <summary>Whether a line reads (input) or drives (output) its pin.</summary>
public enum LineDirection
{
    /// <summary>The line reads the level on the pin.</summary>
    Input = 0,

    /// <summary>The line drives the pin.</summary>
    Output = 1,
}
