using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// The host refused a request or a command; <see cref="Reason"/> says why and the message (the
/// host's own words) names the pin, e.g. "GPIO 4 (board 7) is not a GPIO". Busy and closed pins
/// have their own subclasses.
/// </summary>
public class RequestRejectedException : RemoteIoException
{
    /// <summary>Creates the exception.</summary>
    public RequestRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was refused and why.</param>
    public RequestRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The cause.</param>
    public RequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refusal.</summary>
    /// <param name="reason">The host's reason.</param>
    /// <param name="message">The host's message.</param>
    public RequestRejectedException(RejectReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the host refused.</summary>
    public RejectReason Reason { get; }

    /// <summary>The exception for a refusal: <see cref="PinBusyException"/>, <see cref="PinClosedException"/> or this type.</summary>
    /// <param name="reason">The host's reason.</param>
    /// <param name="message">The host's message (empty: one is made up from the reason).</param>
    /// <param name="what">What was asked, for a message when the host gave none.</param>
    /// <returns>The exception.</returns>
    public static RequestRejectedException For(RejectReason reason, string message, string what)
    {
        var text = string.IsNullOrWhiteSpace(message) ? $"{what} was refused: {reason}" : message;
        return reason switch
        {
            RejectReason.Busy or RejectReason.PinBusyNow => new PinBusyException(reason, text),
            RejectReason.PinClosed => new PinClosedException(text),
            _ => new RequestRejectedException(reason, text),
        };
    }
}
