using System.CommandLine;
using System.Globalization;
using RemoteIo.Actors.Protocol;
using RemoteIo.ClientNode;

namespace RemoteIo.Cli;

/// <summary>
/// <c>remoteio pin NUMBER [--board|--gpio] ACTION</c>: claims the pin, sends one command, waits for
/// it to complete and closes the session — so the pin then goes to its safe level. With
/// <c>--no-wait</c> it returns once the host accepted the command and the host finishes it alone.
/// </summary>
internal static class PinCommands
{
    /// <summary>Builds the <c>pin</c> command.</summary>
    /// <param name="context">The CLI context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var number = new Argument<int>("number") { Description = "The pin: GPIO (BCM) number, or header position with --board." };
        var board = new Option<bool>("--board", "-b") { Description = "NUMBER is the physical header position (1..40).", Recursive = true };
        var gpio = new Option<bool>("--gpio", "-g") { Description = "NUMBER is the GPIO (BCM) number (the default).", Recursive = true };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the host accepted the command (it still runs it, then releases the pin).", Recursive = true };
        var pin = new Command("pin", "Drive one pin: on, off, blink, pulse, value, close, or read it.") { number, board, gpio, noWait };
        pin.Validators.Add(r =>
        {
            if (r.GetValue(board) && r.GetValue(gpio))
            {
                r.AddError("use either --board or --gpio, not both");
            }
        });

        var forOption = CliDuration.Option("--for", "How long the command lasts; without it, until the next command (the session's close)");
        var onTime = CliDuration.Option("--on-time", "Blink: time high per cycle (default 1s)");
        var offTime = CliDuration.Option("--off-time", "Blink: time low per cycle (default 1s)");
        var fadeIn = CliDuration.Option("--fade-in", "Pulse: fade-in time (default 1s)");
        var fadeOut = CliDuration.Option("--fade-out", "Pulse: fade-out time (default 1s)");
        var frequency = new Option<uint>("--frequency") { Description = "Value: PWM frequency in Hz (default: the host's).", HelpName = "HZ" };
        var level = new Argument<double>("level") { Description = "PWM duty cycle, 0 to 1." };

        pin.Add(Action(context, "on", "High; with --for, low again when it ends (an impulse).", [forOption], r => (p => p.On(r.GetValue(forOption)), Describe("on", r.GetValue(forOption)))));
        pin.Add(Action(context, "off", "Low; with --for, the pin stays low and busy for that long.", [forOption], r => (p => p.Off(r.GetValue(forOption)), Describe("off", r.GetValue(forOption)))));
        pin.Add(Action(context, "blink", "Toggle high and low, starting high; low when it ends.", [forOption, onTime, offTime], r =>
            (p => p.Blink(r.GetValue(forOption), r.GetValue(onTime), r.GetValue(offTime)), Describe("blink", r.GetValue(forOption)))));
        pin.Add(Action(context, "pulse", "PWM fade in and out repeatedly; low when it ends.", [forOption, fadeIn, fadeOut], r =>
            (p => p.Pulse(r.GetValue(forOption), r.GetValue(fadeIn), r.GetValue(fadeOut)), Describe("pulse", r.GetValue(forOption)))));
        var value = Action(context, "value", "PWM at a duty cycle between 0 and 1; low when it ends.", [forOption, frequency], r =>
            (p => p.Value(r.GetValue(level), r.GetValue(forOption), r.GetValue(frequency)), Describe($"value {r.GetValue(level).ToString(CultureInfo.InvariantCulture)}", r.GetValue(forOption))));
        value.Add(level);
        value.Validators.Add(r =>
        {
            if (r.GetValue(level) is var l && !(l >= 0 && l <= 1))
            {
                r.AddError($"level {l.ToString(CultureInfo.InvariantCulture)} is outside 0..1");
            }
        });
        pin.Add(value);
        pin.Add(Action(context, "close", "Soft close: after what is queued, the pin goes to its safe level and is released.", [], _ => (p => p.Close(), "close")));

        var read = new Command("read", "Print the pin's level: 1 (high) or 0 (low). Needs no claim.");
        read.SetAction((r, ct) => context.WithServerAsync(r, async server =>
        {
            var reading = await server.ReadAsync(r.GetValue(number), NumberingOf(r, board), ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(reading.Level ? "1" : "0").ConfigureAwait(false);
            return CliExitCodes.Ok;
        }, ct));
        pin.Add(read);
        return pin;

        Numbering NumberingOf(ParseResult r, Option<bool> boardOption) => r.GetValue(boardOption) ? Numbering.Board : Numbering.Gpio;

        Command Action(CliContext ctx, string name, string description, Option[] options, Func<ParseResult, (Func<RemotePin, CommandHandle> Send, string Text)> build)
        {
            var command = new Command(name, description);
            foreach (var option in options)
            {
                command.Add(option);
            }

            command.SetAction((r, ct) => ctx.WithServerAsync(r, server => RunAsync(ctx, server, r.GetValue(number), NumberingOf(r, board), r.GetValue(noWait), build(r), ct), ct));
            return command;
        }
    }

    /// <summary>Claims, sends, reports acceptance and (unless detached) completion.</summary>
    private static async Task<int> RunAsync(CliContext context, RemoteServer server, int number, Numbering numbering, bool noWait, (Func<RemotePin, CommandHandle> Send, string Text) command, CancellationToken cancellationToken)
    {
        var pin = await server.PinAsync(number, numbering, cancellationToken).ConfigureAwait(false);
        var handle = command.Send(pin);
        await handle.Accepted.WaitAsync(cancellationToken).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"{pin}: {command.Text} accepted").ConfigureAwait(false);
        if (noWait)
        {
            await server.DetachAsync().ConfigureAwait(false);
            return CliExitCodes.Ok;
        }

        var result = await handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"{pin}: {command.Text} {result.End.ToString().ToLowerInvariant()}").ConfigureAwait(false);
        await server.CloseAsync(cancellationToken).ConfigureAwait(false);
        return CliExitCodes.Ok;
    }

    /// <summary>"on for 2s" / "blink".</summary>
    private static string Describe(string action, TimeSpan? duration) =>
        duration is { } d ? $"{action} for {d.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms" : action;
}
