using System.CommandLine;
using Google.Protobuf;
using RemoteIo.Actors.Protocol;
using Spectre.Console;

namespace RemoteIo.Cli;

/// <summary><c>remoteio states [--json]</c>: every claimed or observed pin with owner, mode, level, queue depth.</summary>
internal static class StatesCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The CLI context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the host's answer as JSON (pins.proto PinStates) instead of a table." };
        var command = new Command("states", "Show every claimed or observed pin: owner, mode, level, queue depth, running command.") { json };
        command.SetAction((r, ct) => context.WithServerAsync(r, async server =>
        {
            var states = await server.GetPinStatesAsync(ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonFormatter.Default.Format(states)).ConfigureAwait(false);
            }
            else
            {
                context.Console.Write(Table(states));
            }

            return 0;
        }, ct));
        return command;
    }

    /// <summary>The states as a table (also used by <c>watch</c>).</summary>
    /// <param name="states">The host's answer.</param>
    /// <returns>The table.</returns>
    public static Table Table(PinStates states)
    {
        var table = new Table()
            .Title($"{states.Pins.Count} pin(s) · driver {Markup.Escape(states.Driver)} · default mode {Mode(states.DefaultMode)}")
            .AddColumns("GPIO", "board", "owner", "role", "mode", "level", "queue", "running", "observers", "state");
        foreach (var pin in states.Pins.OrderBy(p => p.Gpio))
        {
            table.AddRow(
                pin.Gpio.ToString(System.Globalization.CultureInfo.InvariantCulture),
                pin.Board == 0 ? "-" : pin.Board.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(pin.Owner.Length == 0 ? "-" : pin.Owner),
                pin.Role == ClaimRole.Input ? "input" : "output",
                Mode(pin.Mode),
                pin.Level ? "high" : "low",
                pin.QueueDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(pin.Running.Length == 0 ? "-" : pin.Running),
                pin.Observers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                pin.Draining ? "draining" : pin.Owner.Length == 0 ? "free" : "claimed");
        }

        return table;
    }

    /// <summary>wait / nowait.</summary>
    private static string Mode(Mode mode) => mode switch
    {
        Actors.Protocol.Mode.Wait => "wait",
        Actors.Protocol.Mode.Nowait => "nowait",
        _ => "-",
    };
}
