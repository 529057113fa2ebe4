using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// The pin was closed (its <c>Close()</c> was sent): later commands for it are not executed. The
/// message names the pin.
/// </summary>
public sealed class PinClosedException : RequestRejectedException
{
    /// <summary>Creates the exception.</summary>
    public PinClosedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which pin, and why.</param>
    public PinClosedException(string message)
        : base(RejectReason.PinClosed, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which pin, and why.</param>
    /// <param name="innerException">The cause.</param>
    public PinClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
