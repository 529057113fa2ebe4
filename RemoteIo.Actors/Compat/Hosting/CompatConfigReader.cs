using System.Globalization;
using System.Net;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Hosting;

/// <summary>
/// Reads the values of <c>remoteio.compat</c> (reference.conf supplies every key) with errors that
/// name the full key, the value and where it was written.
/// </summary>
/// <param name="config">The whole configuration, reference.conf beneath it.</param>
/// <param name="prefix">The section's path.</param>
internal sealed class CompatConfigReader(Config config, string prefix)
{
    /// <summary>Reads a boolean (on/off, true/false, yes/no).</summary>
    public bool Flag(string path) => config.GetBoolean(Key(path));

    /// <summary>Reads an integer.</summary>
    public int Int(string path) => config.GetInt(Key(path));

    /// <summary>Reads a long integer.</summary>
    public long Long(string path) => config.GetLong(Key(path));

    /// <summary>Reads a finite duration.</summary>
    public TimeSpan Duration(string path) => config.GetTimeSpan(Key(path), allowInfinite: false);

    /// <summary>Reads <c>default</c>, <c>wait</c> or <c>nowait</c>.</summary>
    public Mode Mode(string path) => Text(path).ToUpperInvariant() switch
    {
        "DEFAULT" => Protocol.Mode.HostDefault,
        "WAIT" => Protocol.Mode.Wait,
        "NOWAIT" => Protocol.Mode.Nowait,
        _ => throw Invalid(path, "default, wait or nowait"),
    };

    /// <summary>Reads a hexadecimal number written as a string, e.g. <c>"0x0FFFFFFC"</c>.</summary>
    public ulong Hex(string path) =>
        TryHex(Text(path), out var value) ? value : throw Invalid(path, "a hexadecimal number such as \"0x0FFFFFFC\"");

    /// <summary>Reads <c>auto</c> (null) or a hexadecimal revision code such as <c>"0xC03111"</c>.</summary>
    public uint? Revision(string path)
    {
        var text = Text(path);
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return TryHex(text, out var value) && value is > 0 and <= uint.MaxValue
            ? (uint)value
            : throw Invalid(path, "auto or a revision code such as \"0xC03111\"");
    }

    /// <summary>Reads an endpoint section's bind, port, allowed-clients and max-connections.</summary>
    /// <param name="section">The endpoint's section, e.g. <c>pigpio</c>.</param>
    public CompatEndpointOptions Endpoint(string section)
    {
        var bind = Text($"{section}.bind");
        if (!IPAddress.TryParse(bind, out var address))
        {
            throw Invalid($"{section}.bind", "an IP address such as 127.0.0.1, 0.0.0.0 or ::");
        }

        var networks = new List<IPNetwork>();
        foreach (var text in config.GetStringList(Key($"{section}.allowed-clients")))
        {
            if (!IPNetwork.TryParse(text.Trim(), out var network) && !TrySingleAddress(text.Trim(), out network))
            {
                throw new ConfigurationException($"{Key($"{section}.allowed-clients")}: \"{text}\" is not a network such as 192.168.1.0/24 or an address ({Origin($"{section}.allowed-clients")})");
            }

            networks.Add(network);
        }

        return new CompatEndpointOptions
        {
            BindAddress = address,
            Port = Int($"{section}.port"),
            AllowedClients = networks,
            MaxConnections = Int($"{section}.max-connections"),
        };
    }

    /// <summary>The full key of <paramref name="path"/>.</summary>
    private string Key(string path) => $"{prefix}.{path}";

    /// <summary>A string value, trimmed.</summary>
    private string Text(string path) => config.GetString(Key(path)).Trim();

    /// <summary>Where a value was written.</summary>
    private string Origin(string path) => config.GetValue(Key(path))?.Origin.Description ?? "reference.conf";

    /// <summary>The error for a value that is not what <paramref name="expected"/> says.</summary>
    private ConfigurationException Invalid(string path, string expected) =>
        new($"{Key(path)}: expected {expected}, got \"{config.GetString(Key(path))}\" ({Origin(path)})");

    /// <summary>Parses hexadecimal with or without a 0x prefix.</summary>
    private static bool TryHex(string text, out ulong value)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A bare address as a one-address network.</summary>
    private static bool TrySingleAddress(string text, out IPNetwork network)
    {
        network = default;
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
