using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// An output pin claimed by a <see cref="RemoteServer"/> session (remoteio's pin object). Every
/// command returns at once with a <see cref="CommandHandle"/>; in wait mode the host runs them in
/// order, each timed one keeping the pin busy until it ends, in nowait mode a new one interrupts
/// the running one. Durations are exact on the host; a <c>null</c> duration means "until the next
/// command".
/// </summary>
/// <remarks>Invalid arguments throw at once and nothing is sent.</remarks>
public sealed class RemotePin : IAsyncDisposable
{
    /// <summary>The empty action messages (immutable in practice: only serialised).</summary>
    private static readonly On OnAction = new();

    /// <summary>See <see cref="OnAction"/>.</summary>
    private static readonly Off OffAction = new();

    /// <summary>See <see cref="OnAction"/>.</summary>
    private static readonly Close CloseAction = new();

    /// <summary>The pin as sent on the wire (by GPIO number).</summary>
    private readonly PinRef _ref;

    /// <summary>1 once <see cref="Close"/> was called.</summary>
    private int _closing;

    /// <summary>Created by <see cref="RemoteServer.PinAsync"/>.</summary>
    internal RemotePin(RemoteServer server, int gpio, int board, bool initialLevel)
    {
        Server = server;
        Gpio = gpio;
        Board = board;
        InitialLevel = initialLevel;
        _ref = new PinRef { Numbering = Numbering.Gpio, Number = (uint)gpio };
    }

    /// <summary>
    /// Raised when the host reports something about the pin that is not a command's answer: its
    /// maximum on-time cut it, its driver failed (the pin went safe), it was released. Runs on the
    /// client node's thread: keep handlers short.
    /// </summary>
    public event EventHandler<PinNotice>? Notice;

    /// <summary>The session that owns the pin.</summary>
    public RemoteServer Server { get; }

    /// <summary>The pin's GPIO (BCM) number.</summary>
    public int Gpio { get; }

    /// <summary>The pin's header position, 0 when it is not on the 40-pin header.</summary>
    public int Board { get; }

    /// <summary>The level the claim left the pin at (its safe level).</summary>
    public bool InitialLevel { get; }

    /// <summary>Whether <see cref="Close"/> was called: later commands fail with <see cref="PinClosedException"/>.</summary>
    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    /// <summary>High; with a duration, low again when it ends (an impulse).</summary>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    public CommandHandle On(TimeSpan? duration = null, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Send("on", duration, policy, c => c.On = OnAction);

    /// <summary>Low; with a duration, the pin stays low and busy for that long.</summary>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    public CommandHandle Off(TimeSpan? duration = null, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Send("off", duration, policy, c => c.Off = OffAction);

    /// <summary>Toggles high and low, starting high; low when it ends.</summary>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="onTime">Time high per cycle; null for 1 s.</param>
    /// <param name="offTime">Time low per cycle; null for 1 s.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    public CommandHandle Blink(TimeSpan? duration = null, TimeSpan? onTime = null, TimeSpan? offTime = null, CommandPolicy policy = CommandPolicy.SessionDefault)
    {
        var blink = new Blink { OnTimeUs = Microseconds(onTime, nameof(onTime)), OffTimeUs = Microseconds(offTime, nameof(offTime)) };
        return Send("blink", duration, policy, c => c.Blink = blink);
    }

    /// <summary>PWM fade in, then out, repeatedly; low when it ends.</summary>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="fadeIn">Time to fade in; null for 1 s.</param>
    /// <param name="fadeOut">Time to fade out; null for 1 s.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    public CommandHandle Pulse(TimeSpan? duration = null, TimeSpan? fadeIn = null, TimeSpan? fadeOut = null, CommandPolicy policy = CommandPolicy.SessionDefault)
    {
        var pulse = new Pulse { FadeInUs = Microseconds(fadeIn, nameof(fadeIn)), FadeOutUs = Microseconds(fadeOut, nameof(fadeOut)) };
        return Send("pulse", duration, policy, c => c.Pulse = pulse);
    }

    /// <summary>PWM at duty <paramref name="level"/>; low when it ends.</summary>
    /// <param name="level">Duty cycle in [0, 1].</param>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="frequencyHz">PWM frequency; 0 for the host's default.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside [0, 1].</exception>
    public CommandHandle Value(double level, TimeSpan? duration = null, uint frequencyHz = 0, CommandPolicy policy = CommandPolicy.SessionDefault)
    {
        if (!(level >= 0 && level <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"GPIO {Gpio}: a PWM level must be between 0 and 1");
        }

        var value = new Value { Level = level, FrequencyHz = frequencyHz };
        return Send("value", duration, policy, c => c.Value = value);
    }

    /// <summary>Servo pulses: <paramref name="pulseWidth"/> high every 20 ms; zero stops them.</summary>
    /// <param name="pulseWidth">The pulse width (the host checks its servo range).</param>
    /// <param name="duration">How long; null until the next command.</param>
    /// <param name="policy">Queue, replace or reject-if-busy; the session's mode by default.</param>
    /// <returns>The command's handle.</returns>
    public CommandHandle Servo(TimeSpan pulseWidth, TimeSpan? duration = null, CommandPolicy policy = CommandPolicy.SessionDefault)
    {
        var servo = new Servo { PulseWidthUs = RemoteServer.Microseconds32(pulseWidth, nameof(pulseWidth)) };
        return Send("servo", duration, policy, c => c.Servo = servo);
    }

    /// <summary>
    /// Soft close: runs after everything already queued for the pin, puts it in its safe state and
    /// releases the claim. Later commands fail with <see cref="PinClosedException"/>.
    /// </summary>
    /// <returns>The close command's handle (completes once the pin is released).</returns>
    public CommandHandle Close()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return Closed("close");
        }

        var handle = Server.Send(new PinCommand { CommandId = Server.NextId(), Pin = _ref, Close = CloseAction }, Gpio, "close");
        _ = handle.Completion.ContinueWith(_ => Server.RemovePin(this), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return handle;
    }

    /// <summary>Reads the pin's level on the host.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The level.</returns>
    public Task<PinReading> ReadAsync(CancellationToken cancellationToken = default) => Server.ReadAsync(Gpio, Numbering.Gpio, cancellationToken);

    /// <summary>Closes the pin (if not yet closed) and waits until it is released.</summary>
    /// <returns>Completes when released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!IsClosed && Server.State == ConnectionState.Connected)
        {
            try
            {
                await Close().Completion.ConfigureAwait(false);
            }
            catch (RemoteIoException)
            {
                // the session ended first: the host soft-closes the pin itself
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Board > 0 ? $"GPIO {Gpio} (board {Board})" : $"GPIO {Gpio}";

    /// <summary>A notice from the host about this pin.</summary>
    /// <param name="notice">The notice.</param>
    internal void OnNotice(PinNotice notice)
    {
        try
        {
            Notice?.Invoke(this, notice);
        }
        catch (Exception e)
        {
            Server.System.Log.Error(e, "A Notice handler of {0} threw: {1}", this, e.Message);
        }
    }

    /// <summary>Builds and sends a command, unless the pin is closed.</summary>
    private CommandHandle Send(string action, TimeSpan? duration, CommandPolicy policy, Action<PinCommand> setAction)
    {
        var durationUs = Microseconds(duration, nameof(duration));
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown command policy");
        }

        if (IsClosed)
        {
            return Closed(action);
        }

        var command = new PinCommand { CommandId = Server.NextId(), Pin = _ref, DurationUs = durationUs, Policy = policy };
        setAction(command);
        return Server.Send(command, Gpio, action);
    }

    /// <summary>A handle failed at once because the pin was closed.</summary>
    private CommandHandle Closed(string action)
    {
        var handle = new CommandHandle(0, Gpio, action);
        handle.Fail(new PinClosedException($"{this} is closed: {action} was not sent"));
        return handle;
    }

    /// <summary>A duration as whole microseconds; null is 0 (none).</summary>
    private static ulong Microseconds(TimeSpan? value, string name)
    {
        if (value is not { } duration)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero, name);
        return (ulong)(duration.Ticks / TimeSpan.TicksPerMicrosecond);
    }
}
