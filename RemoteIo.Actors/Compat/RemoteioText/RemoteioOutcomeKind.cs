namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>What a backend made of a create or a command (the domain's accept and reject reasons).</summary>
public enum RemoteioOutcomeKind
{
    /// <summary>Claimed (create) or queued for execution (a command).</summary>
    Accepted = 0,

    /// <summary>Another session owns the pin, or it is still draining after its owner left.</summary>
    Busy,

    /// <summary>This connection already created the pin (perhaps through the other numbering).</summary>
    Duplicate,

    /// <summary>The pin is not a GPIO (power, ground, out of range).</summary>
    NotAGpio,

    /// <summary>The connection never created this pin.</summary>
    NotCreated,

    /// <summary>The connection closed this pin; later commands for it are not executed.</summary>
    Closed,

    /// <summary>An argument is out of range for this pin or command.</summary>
    InvalidArgument,

    /// <summary>The host cannot take it now (shutting down, driver fault).</summary>
    Unavailable,
}
