using System.CommandLine;
using System.Globalization;

namespace RemoteIo.Host;

/// <summary>
/// The <c>remoteio-host</c> command line: each option becomes a HOCON override of the
/// configuration file, and every <c>key=value</c> argument is taken as HOCON as it stands:
/// <code>remoteio-host --port 9000 --gpio simulated remoteio.pins.default-mode=nowait</code>
/// </summary>
public static class HostCommandLine
{
    /// <summary><c>--config PATH</c>.</summary>
    private static readonly Option<string> ConfigOption = Text("--config", "PATH", "The configuration file (default: hocon/host.conf next to the binary).");

    /// <summary><c>--port N</c>.</summary>
    private static readonly Option<int?> PortOption = new("--port")
    {
        Description = "TCP port to listen on (remoteio.remote.tcp.port; default 8509, 0 picks a free one).",
        HelpName = "N",
    };

    /// <summary><c>--bind ADDRESS</c>.</summary>
    private static readonly Option<string> BindOption = Text("--bind", "ADDRESS", "Address to listen on (remoteio.host.bind): auto = every interface with a secret, loopback without.");

    /// <summary><c>--mode wait|nowait</c>.</summary>
    private static readonly Option<string> ModeOption = Text("--mode", "wait|nowait", "Default command mode for sessions (remoteio.pins.default-mode).");

    /// <summary><c>--unix-socket PATH</c>.</summary>
    private static readonly Option<string> UnixSocketOption = Text("--unix-socket", "PATH", "Also listen on this Unix domain socket (remoteio.remote.unix).");

    /// <summary><c>--gpio auto|chardev|simulated</c>.</summary>
    private static readonly Option<string> GpioOption = Text("--gpio", "auto|chardev|simulated", "GPIO driver (remoteio.gpio.driver): auto = the character device when a gpiochip exists, else simulated.");

    /// <summary><c>--secret-file PATH</c>.</summary>
    private static readonly Option<string> SecretFileOption = Text("--secret-file", "PATH", "File holding the shared secret clients must prove (remoteio.remote.secret-file).");

    /// <summary>The trailing <c>key=value</c> HOCON overrides.</summary>
    private static readonly Argument<string[]> OverridesArgument = new("overrides")
    {
        Description = "HOCON settings, each key=value, applied over the configuration file (e.g. remoteio.host.log.format=json).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Static initialisation of the option validators.</summary>
    static HostCommandLine()
    {
        ModeOption.AcceptOnlyFromAmong("wait", "nowait");
        GpioOption.AcceptOnlyFromAmong("auto", "chardev", "simulated");
        PortOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } port && port is < 0 or > 65535)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--port {port}: expected 0 to 65535"));
            }
        });
        OverridesArgument.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!text.Contains('=', StringComparison.Ordinal) && !text.Contains('{', StringComparison.Ordinal))
                {
                    result.AddError($"'{text}' is not a setting: write key=value (HOCON), e.g. remoteio.remote.tcp.port=9000");
                }
            }
        });
    }

    /// <summary>Creates the root command; its action receives the parsed launch options.</summary>
    /// <param name="run">Runs the host with the options; returns the exit code.</param>
    /// <returns>The command.</returns>
    public static RootCommand Create(Func<HostLaunchOptions, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = new RootCommand("RemoteIo host: owns this machine's GPIO pins and serves them to RemoteIo clients.")
        {
            ConfigOption, PortOption, BindOption, ModeOption, UnixSocketOption, GpioOption, SecretFileOption, OverridesArgument,
        };
        root.SetAction((result, cancellationToken) => run(ToLaunchOptions(result), cancellationToken));
        return root;
    }

    /// <summary>Turns a parse result into launch options (raw overrides first, then the options, which win).</summary>
    /// <param name="result">The parse result of <see cref="Create"/>'s command.</param>
    /// <returns>The options.</returns>
    public static HostLaunchOptions ToLaunchOptions(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var overrides = new List<string>(result.GetValue(OverridesArgument) ?? []);
        if (result.GetValue(PortOption) is { } port)
        {
            overrides.Add(string.Create(CultureInfo.InvariantCulture, $"remoteio.remote.tcp.port = {port}"));
        }

        AddString(overrides, "remoteio.host.bind", result.GetValue(BindOption));
        AddString(overrides, "remoteio.pins.default-mode", result.GetValue(ModeOption));
        AddString(overrides, "remoteio.gpio.driver", result.GetValue(GpioOption));
        AddString(overrides, "remoteio.remote.secret-file", result.GetValue(SecretFileOption));
        if (result.GetValue(UnixSocketOption) is { Length: > 0 } socket)
        {
            overrides.Add("remoteio.remote.unix.enabled = on");
            AddString(overrides, "remoteio.remote.unix.path", socket);
        }

        var options = HostLaunchOptions.Default.WithOverrides(overrides);
        return result.GetValue(ConfigOption) is { Length: > 0 } config ? options.WithConfigPath(config) : options;
    }

    /// <summary>A text option.</summary>
    private static Option<string> Text(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };

    /// <summary>Adds <c>key = "value"</c> when a value was given.</summary>
    private static void AddString(List<string> overrides, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            overrides.Add($"{key} = {HoconText.Quote(value)}");
        }
    }
}
