namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>How a pin number in a request is meant (the first token: <c>b</c> or <c>g</c>).</summary>
public enum RemoteioNumbering
{
    /// <summary><c>b</c>: physical position on the 40-pin header (remoteio's internal numbering).</summary>
    Board = 0,

    /// <summary><c>g</c>: BCM GPIO number.</summary>
    Gpio,
}
