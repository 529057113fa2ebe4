using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Gives a pin to a session (supervisor → pin actor); the sender is the claiming client, who gets PinClaimed or RequestRejected.</summary>
/// <param name="Claim">The new owner.</param>
/// <param name="RequestId">The ClaimPin's id.</param>
internal sealed record GrantClaim(ClaimInfo Claim, ulong RequestId);

/// <summary>A validated command for the pin (supervisor → pin actor); the sender is the client, who gets the outcomes.</summary>
/// <param name="Ticket">The command's ticket.</param>
internal sealed record RunCommand(CommandTicket Ticket);

/// <summary>
/// Soft close on behalf of a closing session or a shutting-down host (supervisor → pin actor):
/// stashed like any command, it runs after everything queued, puts the pin in its safe level and
/// releases the claim. Never a PoisonPill, which would drop queued work.
/// </summary>
/// <param name="SessionId">The session whose claim ends.</param>
internal sealed record DrainPin(string SessionId);

/// <summary>Shutdown "cut": interrupt the running command and supersede the queued ones at once.</summary>
/// <param name="Reason">Put in the outcomes' messages.</param>
internal sealed record CutPin(string Reason);

/// <summary>Shutdown's last step for a pin: safe level, line closed; answered with <see cref="LineReleased"/>.</summary>
internal sealed record ReleaseLine;

/// <summary>The pin's line is safe and closed.</summary>
/// <param name="Gpio">The GPIO.</param>
internal sealed record LineReleased(int Gpio);

/// <summary>A waveform of the pin ended (edge scheduler → pin actor, through the router).</summary>
/// <param name="Token">The waveform's token.</param>
/// <param name="EndNanoseconds">When it ended.</param>
/// <param name="Reason">Why.</param>
internal sealed record WaveformEnded(long Token, long EndNanoseconds, WaveformEndReason Reason);

/// <summary>Edges wait in the pin's inbox (one preallocated instance, so signalling allocates nothing).</summary>
internal sealed record EdgesPending
{
    /// <summary>The only instance.</summary>
    public static readonly EdgesPending Instance = new();
}

/// <summary>The watchdog timer of a pin's subscribers fired (one instance).</summary>
internal sealed record WatchdogTick
{
    /// <summary>The only instance.</summary>
    public static readonly WatchdogTick Instance = new();
}

/// <summary>A subscriber's debounce window ended: deliver the settled level if it changed.</summary>
/// <param name="Subscriber">The subscriber.</param>
internal sealed record DebounceSettled(IActorRef Subscriber);

/// <summary>Subscribes the sender to the pin's edges.</summary>
/// <param name="Request">The client's request.</param>
/// <param name="SessionId">The subscriber's session.</param>
internal sealed record Observe(ObservePin Request, string SessionId);

/// <summary>Ends the sender's subscription.</summary>
/// <param name="RequestId">The StopObserving id.</param>
internal sealed record StopObserve(ulong RequestId);

/// <summary>Ends every subscription of a session (it closed).</summary>
/// <param name="SessionId">The session.</param>
internal sealed record DropObservers(string SessionId);

/// <summary>Reads the pin; the sender gets PinLevel.</summary>
/// <param name="RequestId">The ReadPin id.</param>
internal sealed record ReadLevel(ulong RequestId);

/// <summary>Asks for the pin's live state; answered with <see cref="PinStateReport"/>.</summary>
internal sealed record QueryPinState;

/// <summary>A pin's live state, as only its actor knows it.</summary>
/// <param name="Gpio">The GPIO.</param>
/// <param name="Level">Its level now.</param>
/// <param name="QueueDepth">Commands waiting behind the running one.</param>
/// <param name="Running">The running command's action, empty when idle.</param>
/// <param name="Observers">How many subscribers it has.</param>
/// <param name="HardwarePwm">True while its hardware PWM channel drives it.</param>
internal sealed record PinStateReport(int Gpio, bool Level, int QueueDepth, string Running, int Observers, bool HardwarePwm);

/// <summary>The pin took the claim (pin actor → supervisor).</summary>
/// <param name="Gpio">The GPIO.</param>
/// <param name="SessionId">The new owner.</param>
internal sealed record ClaimGranted(int Gpio, string SessionId);

/// <summary>The pin could not take the claim, e.g. another process holds the line (pin actor → supervisor).</summary>
/// <param name="Gpio">The GPIO.</param>
/// <param name="SessionId">The would-be owner.</param>
internal sealed record ClaimFailed(int Gpio, string SessionId);

/// <summary>The pin is in its safe level and its claim is released (pin actor → supervisor → session).</summary>
/// <param name="Gpio">The GPIO.</param>
/// <param name="SessionId">The session whose claim ended.</param>
/// <param name="ByCommand">True for a per-pin Close, false for a drain.</param>
internal sealed record PinReleased(int Gpio, string SessionId, bool ByCommand);
