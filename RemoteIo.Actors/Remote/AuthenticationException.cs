namespace RemoteIo.Actors.Remote;

/// <summary>
/// A link could not be authenticated: the server refused the client's proof (wrong secret), the
/// server requires a secret the client does not have, or the server could not prove it knows the
/// secret (an impostor). Derives from the framework's
/// <see cref="System.Security.Authentication.AuthenticationException"/> so either can be caught.
/// </summary>
public sealed class AuthenticationException : System.Security.Authentication.AuthenticationException
{
    /// <summary>Creates the exception.</summary>
    public AuthenticationException()
        : base("authentication failed")
    {
    }

    /// <summary>Creates the exception with a message naming the endpoint and what failed.</summary>
    /// <param name="message">The error text.</param>
    public AuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="innerException">The cause.</param>
    public AuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
