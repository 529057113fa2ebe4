namespace RemoteIo.Actors.Configuration;

/// <summary>
/// A configuration could not be read or a setting does not have the value a program needs. The
/// message always says where: the file, line and column of a parse error
/// (<c>host.conf:4:12: expected '}' or a key, found ']'</c>), or the setting's path, the value
/// found and the type expected (<c>remoteio.remote.port: expected an integer, got "abc" (host.conf line 3, column 10)</c>).
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ConfigurationException()
        : base("The configuration is invalid.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The underlying failure (an I/O error reading a file, say).</param>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about a place in a source or a setting.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="origin">Where in the source the problem is, if known.</param>
    /// <param name="path">The setting's path, if the problem is about one.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    internal ConfigurationException(string message, ConfigOrigin? origin, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        Origin = origin;
        Path = path;
    }

    /// <summary>Where in the source the problem is (file, line, column), when it is about a place.</summary>
    public ConfigOrigin? Origin { get; }

    /// <summary>The path of the setting concerned (<c>remoteio.remote.port</c>), when it is about a setting.</summary>
    public string? Path { get; }

    /// <summary>An error at a place in a source: the message is prefixed with <c>file:line:column: </c>.</summary>
    /// <param name="origin">The place.</param>
    /// <param name="message">What was expected and found there.</param>
    /// <returns>The exception to throw.</returns>
    internal static ConfigurationException At(ConfigOrigin origin, string message) => new($"{origin}: {message}", origin, null);
}
