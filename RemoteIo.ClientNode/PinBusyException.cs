using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// The pin is owned by another session (or still draining after its owner left), or a
/// reject-if-busy command met a busy pin. The message names the pin and, where the host says,
/// its owner: "GPIO 4 (board 7) is busy: claimed by session 'lab-2'".
/// </summary>
public sealed class PinBusyException : RequestRejectedException
{
    /// <summary>Creates the exception.</summary>
    public PinBusyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The host's message naming the pin.</param>
    public PinBusyException(string message)
        : base(RejectReason.Busy, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The host's message naming the pin.</param>
    /// <param name="innerException">The cause.</param>
    public PinBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a busy refusal.</summary>
    /// <param name="reason"><see cref="RejectReason.Busy"/> or <see cref="RejectReason.PinBusyNow"/>.</param>
    /// <param name="message">The host's message naming the pin.</param>
    public PinBusyException(RejectReason reason, string message)
        : base(reason, message)
    {
    }
}
