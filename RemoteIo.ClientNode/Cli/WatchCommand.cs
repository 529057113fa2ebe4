using System.CommandLine;
using System.Globalization;
using RemoteIo.Actors.Protocol;
using RemoteIo.ClientNode;
using Spectre.Console;

namespace RemoteIo.Cli;

/// <summary>
/// <c>remoteio watch</c>: a live table of every pin, refreshed; <c>remoteio watch PIN</c>: that
/// pin's edges as they happen, one <c>timestamp_ns,gpio,level,sequence</c> line each (lines for
/// watchdog and dropped-event notices start with <c>#</c>).
/// </summary>
internal static class WatchCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The CLI context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var pinNumber = new Argument<int?>("pin") { Description = "Stream this pin's edges instead of the table.", Arity = ArgumentArity.ZeroOrOne };
        var board = new Option<bool>("--board", "-b") { Description = "PIN is the physical header position." };
        var edges = new Option<string>("--edges") { Description = "Which edges: rising, falling or both (default).", HelpName = "rising|falling|both" };
        edges.AcceptOnlyFromAmong("rising", "falling", "both");
        var debounce = CliDuration.Option("--debounce", "Collapse edges closer than this");
        var watchdog = CliDuration.Option("--watchdog", "Report silence longer than this");
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many edges (PIN) or table refreshes.", HelpName = "N" };
        var duration = CliDuration.Option("--duration", "Stop after this long; with --count, exit code 8 if fewer edges came");
        var interval = CliDuration.Option("--interval", "Table refresh interval (default 500ms)");
        var command = new Command("watch", "Watch the host: a live table of every pin, or (with PIN) that pin's edges.") { pinNumber, board, edges, debounce, watchdog, count, duration, interval };
        command.SetAction((r, ct) => context.WithServerAsync(r, async server =>
        {
            // Awaited inside the using: disposed early, the source would drop its --duration timer
            // (and its link to Ctrl-C), and a watch short of its --count would never end.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (r.GetValue(duration) is { } time)
            {
                limit.CancelAfter(time);
            }

            return r.GetValue(pinNumber) is { } pin
                ? await StreamAsync(context, server, pin, r.GetValue(board) ? Numbering.Board : Numbering.Gpio, Options(r.GetValue(edges), r.GetValue(debounce), r.GetValue(watchdog)), r.GetValue(count), limit.Token, ct).ConfigureAwait(false)
                : await TableAsync(context, server, r.GetValue(interval) ?? TimeSpan.FromMilliseconds(500), r.GetValue(count), limit.Token).ConfigureAwait(false);
        }, ct));
        return command;
    }

    /// <summary>The observation options from the command line.</summary>
    private static ObserveOptions Options(string? edges, TimeSpan? debounce, TimeSpan? watchdog) => ObserveOptions.Default
        .WithEdges(edges switch { "rising" => Edge.Rising, "falling" => Edge.Falling, _ => Edge.Both })
        .WithDebounce(debounce ?? TimeSpan.Zero)
        .WithWatchdog(watchdog ?? TimeSpan.Zero);

    /// <summary>Streams one pin's events until the count, the duration or Ctrl-C.</summary>
    private static async Task<int> StreamAsync(CliContext context, RemoteServer server, int number, Numbering numbering, ObserveOptions options, int? count, CancellationToken limit, CancellationToken interrupted)
    {
        await using var observer = await server.ObserveAsync(number, options, numbering, limit).ConfigureAwait(false);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"# GPIO {observer.Gpio}: level {(observer.Level ? 1 : 0)}, sequence {observer.Sequence}; timestamp_ns,gpio,level,sequence")).ConfigureAwait(false);
        await context.Out.FlushAsync(limit).ConfigureAwait(false);
        var seen = 0;
        try
        {
            await foreach (var pinEvent in observer.EventsAsync(limit).ConfigureAwait(false))
            {
                await context.Out.WriteLineAsync(Format(pinEvent)).ConfigureAwait(false);
                await context.Out.FlushAsync(limit).ConfigureAwait(false);
                if (pinEvent.Kind == PinEventKind.Edge && count is { } wanted && ++seen >= wanted)
                {
                    return CliExitCodes.Ok;
                }
            }
        }
        catch (OperationCanceledException) when (!interrupted.IsCancellationRequested)
        {
            // --duration ended
        }

        return count is null || interrupted.IsCancellationRequested ? CliExitCodes.Ok : CliExitCodes.Timeout;
    }

    /// <summary>Refreshes the table until the count, the duration or Ctrl-C.</summary>
    private static async Task<int> TableAsync(CliContext context, RemoteServer server, TimeSpan interval, int? count, CancellationToken limit)
    {
        var refreshes = 0;
        try
        {
            if (!context.Console.Profile.Capabilities.Interactive)
            {
                while (count is null || refreshes++ < count)
                {
                    context.Console.Write(StatesCommand.Table(await server.GetPinStatesAsync(limit).ConfigureAwait(false)));
                    if (count is null || refreshes < count)
                    {
                        await Task.Delay(interval, TimeProvider.System, limit).ConfigureAwait(false);
                    }
                }

                return CliExitCodes.Ok;
            }

            var first = await server.GetPinStatesAsync(limit).ConfigureAwait(false);
            await context.Console.Live(StatesCommand.Table(first)).StartAsync(async live =>
            {
                while (count is null || ++refreshes < count)
                {
                    await Task.Delay(interval, TimeProvider.System, limit).ConfigureAwait(false);
                    live.UpdateTarget(StatesCommand.Table(await server.GetPinStatesAsync(limit).ConfigureAwait(false)));
                    live.Refresh();
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            // --duration or Ctrl-C ended the watch
        }

        return CliExitCodes.Ok;
    }

    /// <summary>One output line.</summary>
    private static string Format(PinEvent e) => e.Kind switch
    {
        PinEventKind.Edge => string.Create(CultureInfo.InvariantCulture, $"{e.TimestampNanoseconds},{e.Gpio},{(e.Level ? 1 : 0)},{e.Sequence}"),
        PinEventKind.Watchdog => string.Create(CultureInfo.InvariantCulture, $"# watchdog: GPIO {e.Gpio} silent for {e.SilentFor.TotalMilliseconds:0.###} ms, level {(e.Level ? 1 : 0)}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"# dropped: {e.Dropped} event(s) of GPIO {e.Gpio} from sequence {e.Sequence}"),
    };
}
