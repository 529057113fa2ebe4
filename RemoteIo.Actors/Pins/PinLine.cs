using RemoteIo.Actors.Gpio.Boards;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// What one pin keeps across restarts of its actor: the claim, whether a close is pending, the
/// token counter, the edge inbox and the subscribers. The supervisor creates it with the actor's
/// props, so every incarnation gets the same object; only the pin actor touches it (one thread at
/// a time, with the mailbox's memory barriers between turns).
/// </summary>
internal sealed class PinLine
{
    /// <summary>Creates the state of <paramref name="pin"/>.</summary>
    /// <param name="pin">The pin.</param>
    /// <param name="settings">Its settings.</param>
    /// <param name="edgeBufferCapacity">Edges buffered between driver and actor.</param>
    public PinLine(PinNumber pin, PinSettings settings, int edgeBufferCapacity)
    {
        Pin = pin;
        Settings = settings;
        Inbox = new EdgeInbox(edgeBufferCapacity);
    }

    /// <summary>The pin.</summary>
    public PinNumber Pin { get; }

    /// <summary>Its GPIO number (the chip line).</summary>
    public int Gpio => Pin.Gpio;

    /// <summary>"GPIO 17 (board 11)", for messages.</summary>
    public string Name => Pin.ToString();

    /// <summary>Its safe level and interlocks.</summary>
    public PinSettings Settings { get; }

    /// <summary>The owner, or null when unclaimed.</summary>
    public ClaimInfo? Claim { get; set; }

    /// <summary>True once a Close command was admitted: later commands are refused as "pin closed".</summary>
    public bool Closing { get; set; }

    /// <summary>The last scheduler token given out; tokens are never reused, so endings of an earlier incarnation are recognised as stale.</summary>
    public long LastToken { get; set; }

    /// <summary>Edges from the driver.</summary>
    public EdgeInbox Inbox { get; }

    /// <summary>True while the pin's hardware PWM channel drives it: the host has released its GPIO line and selected its PWM function.</summary>
    public bool HardwarePwm { get; set; }

    /// <summary>Whether <see cref="Inbox"/> is registered with the controller for the open line.</summary>
    public bool ListeningForEdges { get; set; }

    /// <summary>The observers.</summary>
    public List<Subscriber> Subscribers { get; } = [];

    /// <summary>The last raw edge seen (sequence 0: none yet).</summary>
    public EdgeRecord LastEdge { get; set; }
}
