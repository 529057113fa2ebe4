using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// One pigpio connection's pins. pigpio's per-GPIO state maps onto claims: a GPIO the client makes
/// an input (MODES 0, PUD, or any change that leaves it one) is claimed as an input with the pull it
/// asked for; a GPIO it drives (MODES 1, WRITE, PWM, SERVO, HP, TRIG) is claimed as an output, and
/// each drive is one pin command (on/off, value at the PWM frequency, servo, a timed on/off for TRIG)
/// in the configured mode. A pin another client owns, or one still draining, answers
/// <see cref="PigpioStatus.InUse"/> and nothing changes. When the connection ends every pin it holds
/// is soft-closed: queued work runs (wait mode), then the pin goes to its safe state and is released.
/// </summary>
/// <remarks>
/// <para>
/// Each GPIO the connection holds is a pins session of its own (named after the connection and the
/// GPIO), because pigpio changes a pin's role freely (gpiozero makes every pin an input, sets its
/// pull, then makes it an output) and the pin domain releases a single claim — of either role —
/// only by closing its session: the SessionClosed answer comes once the supervisor has freed the pin,
/// so the claim in the new role that follows can never find it still taken. Towards other clients
/// nothing differs from one session per connection: ownership, wait/nowait, safe states and the soft
/// close are per pin.
/// </para>
/// <para>Called by one connection, one request at a time, so the bookkeeping needs no lock.</para>
/// </remarks>
internal sealed class PinsPigpioSession : IPigpioSession
{
    /// <summary>GPIOs pigpio knows (0-53).</summary>
    private const int GpioCount = 54;

    /// <summary>The pin domain.</summary>
    private readonly PinsAccess _pins;

    /// <summary>The connection's name in the host's logs and states.</summary>
    private readonly string _name;

    /// <summary>The mode of the pins' sessions.</summary>
    private readonly Mode _mode;

    /// <summary>Per GPIO held, the reference whose session holds it; null when not held.</summary>
    private readonly PinsClient?[] _holders = new PinsClient?[GpioCount];

    /// <summary>What this connection holds each GPIO as.</summary>
    private readonly Role[] _roles = new Role[GpioCount];

    /// <summary>The bias of each input claim.</summary>
    private readonly Bias[] _claimedBias = new Bias[GpioCount];

    /// <summary>The pull the client set per GPIO (applied whenever the GPIO is an input); null: never set.</summary>
    private readonly PigpioPull?[] _pulls = new PigpioPull?[GpioCount];

    /// <summary>pigpio's output latches (bit n = GPIO n), set by WRITE and the bank writes, applied when a GPIO becomes an output.</summary>
    private ulong _latches;

    /// <summary>Creates the pins of one connection (nothing is claimed yet).</summary>
    /// <param name="pins">The pin domain.</param>
    /// <param name="name">The connection's name.</param>
    /// <param name="mode">The mode of the pins' sessions.</param>
    public PinsPigpioSession(PinsAccess pins, string name, Mode mode)
    {
        _pins = pins;
        _name = name;
        _mode = mode;
    }

    /// <summary>What a session holds a GPIO as.</summary>
    private enum Role
    {
        /// <summary>Not claimed.</summary>
        None = 0,

        /// <summary>Claimed as an input.</summary>
        Input,

        /// <summary>Claimed as an output.</summary>
        Output,
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> ClaimAsync(int gpio, CancellationToken cancellationToken) =>
        _roles[gpio] != Role.None ? PigpioStatus.Ok : await ClaimRoleAsync(gpio, Role.Input, BiasOf(_pulls[gpio]));

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> SetModeAsync(int gpio, PigpioMode mode, CancellationToken cancellationToken) => mode switch
    {
        PigpioMode.Input when _roles[gpio] == Role.Input => PigpioStatus.Ok,
        PigpioMode.Input => await BecomeInputAsync(gpio, BiasOf(_pulls[gpio])),
        PigpioMode.Output => await BecomeOutputAsync(gpio, applyLatch: true),

        // Alternate functions (UART, SPI, PWM0, ...) are the kernel's business on a RemoteIo host.
        _ => PigpioStatus.NotAvailable,
    };

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> SetPullAsync(int gpio, PigpioPull pull, CancellationToken cancellationToken)
    {
        var bias = BiasOf(pull);
        var status = _roles[gpio] switch
        {
            // A pull changes nothing on an output; it is applied when the GPIO becomes an input.
            Role.Output => PigpioStatus.Ok,
            Role.Input when _claimedBias[gpio] == bias => PigpioStatus.Ok,
            _ => await BecomeInputAsync(gpio, bias),
        };
        if (status == PigpioStatus.Ok)
        {
            _pulls[gpio] = pull;
        }

        return status;
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> WriteAsync(int gpio, bool level, CancellationToken cancellationToken)
    {
        var status = await BecomeOutputAsync(gpio, applyLatch: false);
        if (status != PigpioStatus.Ok)
        {
            return status;
        }

        SetLatch(gpio, level);
        return await DriveAsync(Level(gpio, level));
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> WriteBankAsync(int bank, uint gpios, bool level, CancellationToken cancellationToken)
    {
        // All or nothing towards other clients: every GPIO this connection does not hold yet is claimed
        // first (as an input: a latch does not change a mode), and given back if one is in use.
        var claimedNow = 0UL;
        for (var bits = (ulong)gpios << (bank * 32); bits != 0; bits &= bits - 1)
        {
            var gpio = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (gpio >= GpioCount || _roles[gpio] != Role.None)
            {
                continue;
            }

            var claimed = await ClaimRoleAsync(gpio, Role.Input, BiasOf(_pulls[gpio]));
            if (claimed != PigpioStatus.Ok)
            {
                await ReleaseAllAsync(claimedNow);
                return claimed;
            }

            claimedNow |= 1UL << gpio;
        }

        for (var bits = (ulong)gpios << (bank * 32); bits != 0; bits &= bits - 1)
        {
            var gpio = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (gpio >= GpioCount)
            {
                continue;
            }

            SetLatch(gpio, level);
            if (_roles[gpio] == Role.Output && await DriveAsync(Level(gpio, level)) is var status and not PigpioStatus.Ok)
            {
                return status;
            }
        }

        return PigpioStatus.Ok;
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> SetPwmAsync(int gpio, int frequencyHz, double dutyCycle, CancellationToken cancellationToken)
    {
        var status = await BecomeOutputAsync(gpio, applyLatch: false);
        if (status != PigpioStatus.Ok)
        {
            return status;
        }

        var command = PinsRequests.Command(gpio);
        command.Value = new Value { Level = dutyCycle, FrequencyHz = (uint)frequencyHz };
        return await DriveAsync(command);
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> SetServoAsync(int gpio, int pulseWidthUs, CancellationToken cancellationToken)
    {
        var status = await BecomeOutputAsync(gpio, applyLatch: false);
        if (status != PigpioStatus.Ok)
        {
            return status;
        }

        var command = PinsRequests.Command(gpio);
        command.Servo = new Servo { PulseWidthUs = (uint)pulseWidthUs };
        return await DriveAsync(command);
    }

    /// <inheritdoc />
    /// <remarks>
    /// HP is a value command at the frequency the hardware would make: the pin domain drives it from
    /// the pin's hardware PWM channel where the board has one (<c>remoteio.pins</c> hardware PWM), and
    /// on its timing engine otherwise. A frequency the pin cannot make there answers
    /// <see cref="PigpioStatus.NotAvailable"/>, and a GPIO claimed for it alone is given back.
    /// </remarks>
    public async ValueTask<PigpioStatus> SetHardwarePwmAsync(int gpio, int frequencyHz, int dutyCycleMillionths, CancellationToken cancellationToken)
    {
        if (frequencyHz == 0)
        {
            return _roles[gpio] == Role.Output ? await DriveAsync(Level(gpio, level: false)) : PigpioStatus.Ok;
        }

        var claimedForThis = _roles[gpio] == Role.None;
        var status = await BecomeOutputAsync(gpio, applyLatch: false);
        if (status != PigpioStatus.Ok)
        {
            return status;
        }

        var command = PinsRequests.Command(gpio);
        command.Value = new Value { Level = dutyCycleMillionths / 1_000_000.0, FrequencyHz = (uint)frequencyHz };
        var outcome = await _holders[gpio]!.CommandAsync(command);
        if (outcome is not { Kind: OutcomeKind.Rejected, Reason: RejectReason.InvalidArgument })
        {
            return Settle(outcome);
        }

        if (claimedForThis)
        {
            await ReleaseAsync(gpio);
        }

        return PigpioStatus.NotAvailable;
    }

    /// <inheritdoc />
    public async ValueTask<PigpioStatus> TriggerAsync(int gpio, int pulseLengthUs, bool level, CancellationToken cancellationToken)
    {
        var status = await BecomeOutputAsync(gpio, applyLatch: false);
        if (status != PigpioStatus.Ok)
        {
            return status;
        }

        // The pulse is a timed command; the opposite level follows it in the queue, so nothing cuts the pulse short.
        status = await DriveAsync(Level(gpio, level, (ulong)pulseLengthUs));
        if (status != PigpioStatus.Ok || level)
        {
            return status;
        }

        return await DriveAsync(Level(gpio, level: true, policy: CommandPolicy.Queue));
    }

    /// <inheritdoc />
    /// <remarks>Begins the soft close of every pin the connection holds; the pins finish it on their own (and the host's shutdown drain waits for them).</remarks>
    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        for (var gpio = 0; gpio < GpioCount; gpio++)
        {
            if (_holders[gpio] is { } holder)
            {
                holder.CloseSession();
                holder.Stop();
                _holders[gpio] = null;
                _roles[gpio] = Role.None;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>pigpio's pull as a claim's bias; never set means leave the line's bias as it is.</summary>
    private static Bias BiasOf(PigpioPull? pull) => pull switch
    {
        PigpioPull.Off => Bias.Disabled,
        PigpioPull.Down => Bias.PullDown,
        PigpioPull.Up => Bias.PullUp,
        _ => Bias.AsIs,
    };

    /// <summary>An on or off command.</summary>
    private static PinCommand Level(int gpio, bool level, ulong durationUs = 0, CommandPolicy policy = CommandPolicy.SessionDefault)
    {
        var command = PinsRequests.Command(gpio, durationUs, policy);
        if (level)
        {
            command.On = new On();
        }
        else
        {
            command.Off = new Off();
        }

        return command;
    }

    /// <summary>pigpio's answer for a refusal of the pins.</summary>
    private static PigpioStatus StatusOf(RejectReason reason) => reason switch
    {
        RejectReason.Busy or RejectReason.PinBusyNow => PigpioStatus.InUse,
        RejectReason.ShuttingDown => PigpioStatus.ShuttingDown,
        _ => PigpioStatus.NotPermitted,
    };

    /// <summary>Sets or clears a GPIO's output latch.</summary>
    private void SetLatch(int gpio, bool level) => _latches = level ? _latches | (1UL << gpio) : _latches & ~(1UL << gpio);

    /// <summary>Runs one command on a GPIO this connection holds as an output.</summary>
    private async ValueTask<PigpioStatus> DriveAsync(PinCommand command) =>
        Settle(await _holders[(int)command.Pin.Number]!.CommandAsync(command));

    /// <summary>pigpio's answer for a command's first outcome; a claim that ended under us is forgotten.</summary>
    private PigpioStatus Settle(CommandOutcome outcome)
    {
        if (outcome.Kind != OutcomeKind.Rejected)
        {
            return PigpioStatus.Ok;
        }

        if (outcome.Reason == RejectReason.NotClaimed)
        {
            // The pin was taken out of service: the next request claims it afresh.
            Forget((int)outcome.Gpio);
        }

        return StatusOf(outcome.Reason);
    }

    /// <summary>Makes a GPIO this connection's output (releasing an input claim first); with <paramref name="applyLatch"/> a set latch drives it high.</summary>
    private async ValueTask<PigpioStatus> BecomeOutputAsync(int gpio, bool applyLatch)
    {
        if (_roles[gpio] == Role.Output)
        {
            return PigpioStatus.Ok;
        }

        if (_roles[gpio] == Role.Input && await ReleaseAsync(gpio) is var released and not PigpioStatus.Ok)
        {
            return released;
        }

        var status = await ClaimRoleAsync(gpio, Role.Output, Bias.AsIs);
        if (status == PigpioStatus.Ok && applyLatch && ((_latches >> gpio) & 1) != 0)
        {
            return await DriveAsync(Level(gpio, level: true));
        }

        return status;
    }

    /// <summary>Makes a GPIO this connection's input with <paramref name="bias"/> (releasing an earlier claim first).</summary>
    private async ValueTask<PigpioStatus> BecomeInputAsync(int gpio, Bias bias)
    {
        if (_roles[gpio] != Role.None && await ReleaseAsync(gpio) is var released and not PigpioStatus.Ok)
        {
            return released;
        }

        return await ClaimRoleAsync(gpio, Role.Input, bias);
    }

    /// <summary>Claims a GPIO this connection does not hold, in a pins session of its own.</summary>
    private async ValueTask<PigpioStatus> ClaimRoleAsync(int gpio, Role role, Bias bias)
    {
        var holder = _pins.NewClient("pigpio");
        holder.OpenSession($"{_name} GPIO {gpio}", _mode);
        var reply = await holder.ClaimAsync(PinsRequests.Gpio(gpio), role == Role.Output ? ClaimRole.Output : ClaimRole.Input, bias);
        if (reply is PinClaimed)
        {
            _holders[gpio] = holder;
            _roles[gpio] = role;
            _claimedBias[gpio] = bias;
            return PigpioStatus.Ok;
        }

        holder.CloseSession();
        holder.Stop();
        return reply is RequestRejected rejected ? StatusOf(rejected.Reason) : PigpioStatus.NotPermitted;
    }

    /// <summary>
    /// Gives a GPIO back: its session soft-closes (after what is queued the pin goes to its safe
    /// state and is released); answered once the supervisor has freed the pin.
    /// </summary>
    private async ValueTask<PigpioStatus> ReleaseAsync(int gpio)
    {
        var holder = _holders[gpio]!;
        var id = holder.NextId();
        if (await holder.RequestAsync(new CloseSession { RequestId = id }, id) is not SessionClosed)
        {
            return PigpioStatus.NotPermitted;
        }

        Forget(gpio);
        return PigpioStatus.Ok;
    }

    /// <summary>Forgets a GPIO's claim (released, or ended by the host).</summary>
    private void Forget(int gpio)
    {
        _holders[gpio]?.Stop();
        _holders[gpio] = null;
        _roles[gpio] = Role.None;
    }

    /// <summary>Gives back the GPIOs of <paramref name="gpios"/> (a failed all-or-nothing bank write).</summary>
    private async ValueTask ReleaseAllAsync(ulong gpios)
    {
        for (var bits = gpios; bits != 0; bits &= bits - 1)
        {
            await ReleaseAsync(System.Numerics.BitOperations.TrailingZeroCount(bits));
        }
    }
}
