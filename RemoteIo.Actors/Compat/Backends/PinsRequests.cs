using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>The pins.proto requests the backends make, as one awaited round trip each over a connection's <see cref="PinsClient"/>.</summary>
internal static class PinsRequests
{
    /// <summary>One shared, never modified reference per GPIO, so commands allocate no PinRef.</summary>
    private static readonly PinRef[] GpioRefs = [.. Enumerable.Range(0, 64).Select(g => new PinRef { Numbering = Numbering.Gpio, Number = (uint)g })];

    /// <summary>The pin reference of a GPIO (0-63).</summary>
    /// <param name="gpio">The BCM GPIO.</param>
    public static PinRef Gpio(int gpio) => GpioRefs[gpio];

    /// <summary>Opens the connection's session with a name and a mode, without waiting (the first claim would open one anyway, nameless, in the host's mode).</summary>
    /// <param name="client">The connection.</param>
    /// <param name="name">Shown in <c>remoteio states</c> and the host's logs.</param>
    /// <param name="mode">Wait, nowait or the host's default.</param>
    public static void OpenSession(this PinsClient client, string name, Mode mode) =>
        client.Send(new OpenSession { RequestId = client.NextId(), ClientName = name, Mode = mode });

    /// <summary>Soft-closes the connection's session without waiting: queued work runs, then every pin goes to its safe state and is released.</summary>
    /// <param name="client">The connection.</param>
    public static void CloseSession(this PinsClient client) => client.Send(new CloseSession { RequestId = client.NextId() });

    /// <summary>Claims a pin for the connection's session.</summary>
    /// <param name="client">The connection.</param>
    /// <param name="pin">The pin.</param>
    /// <param name="role">Output or input.</param>
    /// <param name="bias">An input's bias.</param>
    /// <returns>PinClaimed or RequestRejected.</returns>
    public static ValueTask<object> ClaimAsync(this PinsClient client, PinRef pin, ClaimRole role, Bias bias = Bias.AsIs)
    {
        var id = client.NextId();
        var claim = new ClaimPin { RequestId = id, Pin = pin, Role = role };
        if (role == ClaimRole.Input)
        {
            claim.Input = new InputConfig { Bias = bias };
        }

        return client.RequestAsync(claim, id);
    }

    /// <summary>Sends a command (its id is assigned here) and returns its first outcome (ACCEPTED or REJECTED), or with <paramref name="untilFinal"/> its last.</summary>
    /// <param name="client">The connection.</param>
    /// <param name="command">The command, without an id.</param>
    /// <param name="untilFinal">Wait for the end (COMPLETED, INTERRUPTED, SUPERSEDED or REJECTED).</param>
    public static async ValueTask<CommandOutcome> CommandAsync(this PinsClient client, PinCommand command, bool untilFinal = false)
    {
        command.CommandId = client.NextId();
        return (CommandOutcome)await client.RequestAsync(command, command.CommandId, untilFinal);
    }

    /// <summary>A command for a GPIO.</summary>
    /// <param name="gpio">The BCM GPIO.</param>
    /// <param name="durationUs">How long it lasts; 0 until the next command.</param>
    /// <param name="policy">Queue, replace, or the session's mode.</param>
    public static PinCommand Command(int gpio, ulong durationUs = 0, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        new() { Pin = Gpio(gpio), DurationUs = durationUs, Policy = policy };
}
