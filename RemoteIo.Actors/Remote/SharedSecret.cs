using System.Security.Cryptography;
using System.Text;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// The shared secret both sides of a link prove knowledge of (HMAC-SHA256 challenge–response;
/// it never crosses the wire). Its <see cref="ToString"/> never shows the bytes, so settings
/// that hold one can be logged.
/// </summary>
public sealed class SharedSecret
{
    /// <summary>Shortest secret accepted: below this a proof could be brute-forced offline.</summary>
    public const int MinimumLength = 8;

    /// <summary>The key bytes.</summary>
    private readonly byte[] _key;

    /// <summary>Wraps key bytes (copied).</summary>
    /// <param name="key">At least <see cref="MinimumLength"/> bytes.</param>
    /// <param name="origin">Where the secret came from, for messages (e.g. the file path).</param>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public SharedSecret(ReadOnlySpan<byte> key, string origin = "configuration")
    {
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"the shared secret from {origin} is {key.Length} bytes; at least {MinimumLength} are required", nameof(key));
        }

        _key = key.ToArray();
        Origin = origin;
    }

    /// <summary>Where the secret came from (never the secret itself).</summary>
    public string Origin { get; }

    /// <summary>A secret given as text (its UTF-8 bytes).</summary>
    /// <param name="text">The secret.</param>
    /// <returns>The secret.</returns>
    public static SharedSecret FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SharedSecret(Encoding.UTF8.GetBytes(text), "text");
    }

    /// <summary>
    /// Reads a secret file: its bytes, without one trailing line break (<c>\n</c> or <c>\r\n</c>),
    /// so a file written by <c>echo</c> or an editor works.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="ArgumentException">The secret in it is too short.</exception>
    public static SharedSecret FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read the secret file {path}: {ex.Message}", ex);
        }

        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == (byte)'\n')
        {
            length--;
            if (length > 0 && bytes[length - 1] == (byte)'\r')
            {
                length--;
            }
        }

        try
        {
            return new SharedSecret(bytes.AsSpan(0, length), $"file {path}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>HMAC-SHA256 of <paramref name="message"/> under this secret.</summary>
    /// <param name="message">The data to authenticate.</param>
    /// <returns>32 bytes.</returns>
    internal byte[] Mac(ReadOnlySpan<byte> message) => HMACSHA256.HashData(_key, message);

    /// <summary>Never the secret.</summary>
    /// <returns>A placeholder naming the origin.</returns>
    public override string ToString() => $"SharedSecret(from {Origin})";
}
