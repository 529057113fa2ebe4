using System.CommandLine;
using System.Globalization;
using RemoteIo.Actors.Configuration;
using RemoteIo.ClientNode;

namespace RemoteIo.Cli;

/// <summary>The options every <c>remoteio</c> command takes: where the host is and how to authenticate.</summary>
internal sealed class CliGlobalOptions
{
    /// <summary><c>--server host[:port]</c>.</summary>
    public Option<string> Server { get; } = new("--server", "-s")
    {
        Description = "The host as host[:port] (default: remoteio.client.server/port of client.conf, 127.0.0.1:8509).",
        HelpName = "HOST[:PORT]",
        Recursive = true,
    };

    /// <summary><c>--unix-socket PATH</c>.</summary>
    public Option<string> UnixSocket { get; } = new("--unix-socket")
    {
        Description = "Connect over the host's Unix domain socket instead of TCP.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary><c>--secret-file PATH</c>.</summary>
    public Option<string> SecretFile { get; } = new("--secret-file")
    {
        Description = "File holding the shared secret (remoteio.remote.secret-file).",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary><c>--config PATH</c>.</summary>
    public Option<string> Config { get; } = new("--config")
    {
        Description = "The client configuration file (default: hocon/client.conf next to the binary, when present).",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary><c>--name NAME</c>.</summary>
    public Option<string> ClientName { get; } = new("--name")
    {
        Description = "The session name the host shows (default: user@machine).",
        HelpName = "NAME",
        Recursive = true,
    };

    /// <summary><c>--timeout DURATION</c>.</summary>
    public Option<TimeSpan?> Timeout { get; } = CliDuration.Option("--timeout", "How long to wait for the host's answers (remoteio.client.request-timeout)");

    /// <summary>Creates the options.</summary>
    public CliGlobalOptions() => Timeout.Recursive = true;

    /// <summary>Adds the options to the root command.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(RootCommand root)
    {
        root.Add(Server);
        root.Add(UnixSocket);
        root.Add(SecretFile);
        root.Add(Config);
        root.Add(ClientName);
        root.Add(Timeout);
    }

    /// <summary>The facade options: the configuration file (if any), then the command line.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    /// <exception cref="ArgumentException">A command-line value is invalid.</exception>
    public RemoteServerOptions Resolve(ParseResult result)
    {
        var path = result.GetValue(Config);
        var defaultPath = Path.Combine(AppContext.BaseDirectory, "hocon", "client.conf");
        var config = path is { Length: > 0 } ? ConfigurationFactory.Load(path)
            : File.Exists(defaultPath) ? ConfigurationFactory.Load(defaultPath)
            : ConfigurationFactory.Reference();
        var options = RemoteServerOptions.FromConfig(config);
        if (result.GetValue(Server) is { Length: > 0 } server)
        {
            var (host, port) = ParseServer(server, options.Port);
            options = options.WithServer(host, port);
        }

        if (result.GetValue(UnixSocket) is { Length: > 0 } socket)
        {
            options = options.WithUnixSocket(socket);
        }

        if (result.GetValue(SecretFile) is { Length: > 0 } secret)
        {
            options = options.WithSecretFile(secret);
        }

        if (result.GetValue(ClientName) is { Length: > 0 } name)
        {
            options = options.WithClientName(name);
        }

        if (result.GetValue(Timeout) is { } timeout)
        {
            options = options.WithRequestTimeout(timeout);
        }

        return options;
    }

    /// <summary>Parses <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>.</summary>
    /// <param name="text">The value of --server.</param>
    /// <param name="defaultPort">The port when none is given.</param>
    /// <returns>Host and port.</returns>
    /// <exception cref="ArgumentException">Not a host or port.</exception>
    public static (string Host, int Port) ParseServer(string text, int defaultPort)
    {
        var value = text.Trim();
        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ArgumentException($"--server {text}: missing ']' after the IPv6 address");
            }

            host = value[1..end];
            if (end + 1 < value.Length)
            {
                port = value[(end + 1)..].TrimStart(':');
            }
        }
        else if (value.Count(c => c == ':') == 1)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = value[..colon];
            port = value[(colon + 1)..];
        }
        else
        {
            host = value;
        }

        if (host.Length == 0)
        {
            throw new ArgumentException($"--server {text}: no host name");
        }

        if (port is null)
        {
            return (host, defaultPort);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw new ArgumentException($"--server {text}: '{port}' is not a TCP port (1..65535)");
    }
}
