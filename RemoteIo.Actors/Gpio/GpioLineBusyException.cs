namespace RemoteIo.Actors.Gpio;

/// <summary>
/// A line request failed because another consumer holds the line, e.g.
/// "line 17 is in use by remoteio". Since Raspberry Pi OS Bookworm the kernel gives each line to
/// one consumer only, so this is the error a second program on the same pin sees.
/// </summary>
public class GpioLineBusyException : GpioBusyException
{
    /// <summary>Creates an error with a generic message.</summary>
    public GpioLineBusyException()
        : base("GPIO line is in use")
    {
    }

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">The message.</param>
    public GpioLineBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public GpioLineBusyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for <paramref name="line"/> held by <paramref name="consumer"/>.</summary>
    /// <param name="line">The line offset.</param>
    /// <param name="consumer">Who holds it; empty when the kernel did not say.</param>
    public GpioLineBusyException(int line, string consumer)
        : base(FormatMessage(line, consumer))
    {
        Line = line;
        Consumer = consumer;
    }

    /// <summary>The line that is busy, -1 when unknown.</summary>
    public int Line { get; } = -1;

    /// <summary>The holder's consumer label, empty when unknown.</summary>
    public string Consumer { get; } = string.Empty;

    /// <summary>Builds "line 17 is in use by remoteio", or a variant without a name when the holder is anonymous.</summary>
    private static string FormatMessage(int line, string consumer) =>
        string.IsNullOrEmpty(consumer)
            ? $"line {line} is in use by another consumer (it gave no name)"
            : $"line {line} is in use by {consumer}";
}
