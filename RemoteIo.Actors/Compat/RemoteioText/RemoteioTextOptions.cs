namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>How the remoteio text endpoint reads requests (immutable; change with the <c>WithX</c> methods).</summary>
public sealed record RemoteioTextOptions
{
    /// <summary>The defaults.</summary>
    public static RemoteioTextOptions Default { get; } = new();

    /// <summary>The longest request accepted; a client that sends more without completing six tokens gets an error and its pending bytes are dropped.</summary>
    public int MaxRequestBytes { get; init; } = 256;

    /// <summary>Returns a copy accepting requests up to <paramref name="bytes"/> long.</summary>
    /// <param name="bytes">At least 16.</param>
    public RemoteioTextOptions WithMaxRequestBytes(int bytes) => this with { MaxRequestBytes = bytes };

    /// <summary>Checks the options and says exactly what is wrong.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxRequestBytes < 16)
        {
            throw new ArgumentException($"remoteio: max request bytes {MaxRequestBytes} must be at least 16.");
        }
    }
}
