using System.Globalization;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Where an actor system lives: <c>remoteio://system</c> for a local system, or
/// <c>remoteio://system@host:port</c> once it is reachable over a transport. Every
/// <see cref="ActorPath"/> starts with one.
/// </summary>
/// <param name="Protocol">The scheme, <see cref="DefaultProtocol"/> unless a transport says otherwise.</param>
/// <param name="System">The actor system's name.</param>
/// <param name="Host">The host (name or IP address) for a remote-capable address; null for a local one.</param>
/// <param name="Port">The port that goes with <paramref name="Host"/>.</param>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The scheme of RemoteIo addresses.</summary>
    public const string DefaultProtocol = "remoteio";

    /// <summary>True when the address carries no host: it can only be reached in this process.</summary>
    public bool HasLocalScope => Host is null;

    /// <summary>True when the address names a host, so it can be reached from other processes.</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>Creates the local address of the system <paramref name="system"/>.</summary>
    /// <param name="system">The actor system's name.</param>
    /// <returns><c>remoteio://system</c>.</returns>
    public static Address Local(string system) => new(DefaultProtocol, system);

    /// <summary>Parses <c>protocol://system</c> or <c>protocol://system@host:port</c> (IPv6 hosts in brackets).</summary>
    /// <param name="text">The address text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not an address; the message says what is wrong.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = ParseOrError(text, out var address);
        return error is null ? address! : throw new FormatException(error);
    }

    /// <summary>Parses an address; see <see cref="Parse"/>.</summary>
    /// <param name="text">The address text.</param>
    /// <param name="address">The address, when the text is valid.</param>
    /// <returns>True when the text is a valid address.</returns>
    public static bool TryParse(string? text, out Address? address) => ParseOrError(text.AsSpan(), out address) is null && address is not null;

    /// <summary>Parses an address and says what is wrong when it is not one.</summary>
    /// <returns>Null when parsed; otherwise the error message.</returns>
    internal static string? ParseOrError(ReadOnlySpan<char> text, out Address? address)
    {
        address = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return $"Invalid address '{text}': expected 'protocol://system' or 'protocol://system@host:port'.";
        }

        var protocol = text[..schemeEnd].ToString();
        var rest = text[(schemeEnd + 3)..];
        var at = rest.IndexOf('@');
        var system = (at < 0 ? rest : rest[..at]).ToString();
        if (!ActorSystem.IsValidName(system))
        {
            return $"Invalid address '{text}': the system name '{system}' must start with a letter or digit and contain only letters, digits, '-' and '_'.";
        }

        if (at < 0)
        {
            address = new Address(protocol, system);
            return null;
        }

        var hostPort = rest[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || (hostPort[0] == '[' && hostPort[colon - 1] != ']'))
        {
            return $"Invalid address '{text}': expected 'host:port' after '@'.";
        }

        var host = hostPort[..colon];
        if (host.Length > 1 && host[0] == '[' && host[^1] == ']')
        {
            host = host[1..^1];
        }

        if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return $"Invalid address '{text}': the port '{hostPort[(colon + 1)..]}' is not a number from 0 to 65535.";
        }

        address = new Address(protocol, system, host.ToString(), port);
        return null;
    }

    /// <summary>Formats as <c>protocol://system</c> or <c>protocol://system@host:port</c>.</summary>
    /// <returns>The address text, which <see cref="Parse"/> reads back.</returns>
    public override string ToString()
    {
        if (Host is null)
        {
            return $"{Protocol}://{System}";
        }

        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return Port is null ? $"{Protocol}://{System}@{host}" : $"{Protocol}://{System}@{host}:{Port.Value.ToString(CultureInfo.InvariantCulture)}";
    }
}
