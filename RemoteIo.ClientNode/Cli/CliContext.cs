using System.CommandLine;
using RemoteIo.ClientNode;
using Spectre.Console;

namespace RemoteIo.Cli;

/// <summary>What every command's action needs: where to write, the global options, and a connected session.</summary>
/// <param name="output">Standard output (results, for scripts).</param>
/// <param name="error">Standard error (errors and notes).</param>
/// <param name="global">The global options.</param>
internal sealed class CliContext(TextWriter output, TextWriter error, CliGlobalOptions global)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>The global options.</summary>
    public CliGlobalOptions Global { get; } = global;

    /// <summary>Spectre.Console on standard output (tables, live display).</summary>
    public IAnsiConsole Console { get; } = CreateConsole(output);

    /// <summary>
    /// A console on <paramref name="output"/>: colours and live updates on a terminal; plain text
    /// and wide lines (no wrapping inside table cells) when redirected to a file or a pipe.
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>Connects, runs <paramref name="body"/>, and closes the session (unless the body detached).</summary>
    /// <param name="result">The parse result (global options).</param>
    /// <param name="body">The command's work; returns the exit code.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WithServerAsync(ParseResult result, Func<RemoteServer, Task<int>> body, CancellationToken cancellationToken)
    {
        var options = Global.Resolve(result);
        var server = await RemoteServer.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            return await body(server).ConfigureAwait(false);
        }
    }
}
