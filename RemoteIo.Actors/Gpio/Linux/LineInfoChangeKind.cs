namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>What happened to a watched line (the kernel's <c>GPIO_V2_LINE_CHANGED_*</c>).</summary>
public enum LineInfoChangeKind
{
    /// <summary>Not a kernel value; never reported.</summary>
    Unknown = 0,

    /// <summary>A consumer requested the line.</summary>
    Requested = 1,

    /// <summary>The consumer released it.</summary>
    Released = 2,

    /// <summary>The consumer reconfigured it.</summary>
    Reconfigured = 3,
}
