using System.Globalization;
using System.Text;

namespace RemoteIo.Actors.Remote;

/// <summary>Client ids and incarnations: validation and generation.</summary>
internal static class ClientIdentity
{
    /// <summary>Longest client id in UTF-8 bytes (remote.proto).</summary>
    public const int MaxClientIdBytes = 128;

    /// <summary>Why <paramref name="clientId"/> is not acceptable, or null when it is.</summary>
    /// <param name="clientId">A client id.</param>
    /// <returns>An error message or null.</returns>
    public static string? Validate(string clientId)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return "the client id is empty";
        }

        if (Encoding.UTF8.GetByteCount(clientId) > MaxClientIdBytes)
        {
            return $"the client id is longer than {MaxClientIdBytes} bytes of UTF-8";
        }

        foreach (var c in clientId)
        {
            if (char.IsControl(c))
            {
                return "the client id contains a control character";
            }
        }

        return null;
    }

    /// <summary>A client id unique to this process: <c>machine-pid-random</c>.</summary>
    /// <returns>The id.</returns>
    public static string Generate()
    {
        var machine = new string([.. Environment.MachineName.Where(char.IsAsciiLetterOrDigit).Take(40)]);
        return string.Create(CultureInfo.InvariantCulture, $"{(machine.Length == 0 ? "node" : machine.ToLowerInvariant())}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
    }

    /// <summary>A random non-zero incarnation.</summary>
    /// <returns>The incarnation.</returns>
    /// <remarks>
    /// From a version-4 GUID (the kernel's random source through the runtime's own native shim)
    /// rather than RandomNumberGenerator, which loads OpenSSL: about 5 MiB resident in a host that
    /// never authenticates anyone (loopback, no secret). An incarnation only has to differ between
    /// runs; it is not a secret.
    /// </remarks>
    public static ulong NewIncarnation()
    {
        Span<byte> bytes = stackalloc byte[16];
        ulong value;
        do
        {
            _ = Guid.NewGuid().TryWriteBytes(bytes);
            value = BitConverter.ToUInt64(bytes[8..]) ^ BitConverter.ToUInt64(bytes[..8]);
        }
        while (value == 0);
        return value;
    }
}
