using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// A pin this session claimed as an input (it configured bias, polarity and the line's debounce;
/// other sessions may observe it but not drive it), observed by this session.
/// </summary>
public sealed class RemoteInput : PinObserver
{
    /// <summary>Created by <see cref="RemoteServer.InputAsync"/>.</summary>
    internal RemoteInput(RemoteServer server, int gpio, int board, ObserveOptions observe)
        : base(server, new PinRef { Numbering = Numbering.Gpio, Number = (uint)gpio }, observe)
    {
        Board = board;
    }

    /// <summary>The pin's header position, 0 when it is not on the 40-pin header.</summary>
    public int Board { get; }

    /// <summary>Stops observing and releases the claim (the pin goes to its safe state).</summary>
    /// <returns>The release command's handle.</returns>
    public async Task<CommandResult> CloseAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        return await Server.Send(new PinCommand { CommandId = Server.NextId(), Pin = new PinRef { Numbering = Numbering.Gpio, Number = (uint)Gpio }, Close = new Close() }, Gpio, "close").Completion.ConfigureAwait(false);
    }

    /// <summary>Releases the claim if the session is still connected.</summary>
    /// <returns>Completes when released.</returns>
    public override async ValueTask DisposeAsync()
    {
        if (Server.State != ConnectionState.Connected)
        {
            await base.DisposeAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (RemoteIoException)
        {
            // the session ended first: the host releases the pin itself
        }
    }

    /// <inheritdoc />
    public override string ToString() => Board > 0 ? $"input GPIO {Gpio} (board {Board})" : $"input GPIO {Gpio}";
}
