using System.Text;

namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// The replies of remoteio's wait/nowait server, byte for byte where remoteio defined them, so its
/// own client (which tolerates exactly <c>"? command ignored: &lt;command&gt;"</c>) keeps working.
/// Replies carry no terminator: the protocol is strictly one reply per request.
/// </summary>
internal static class RemoteioReplies
{
    /// <summary>A pin was created.</summary>
    public static readonly byte[] Created = "!"u8.ToArray();

    /// <summary>A command was accepted for execution.</summary>
    public static readonly byte[] Queued = "! command on execution-queue"u8.ToArray();

    /// <summary>Per command: the reply for a pin this connection never created or has closed.</summary>
    private static readonly byte[][] Ignored =
        [.. Enum.GetValues<RemoteioCommand>().Select(c => Encoding.UTF8.GetBytes($"? command ignored: {RemoteioParser.NameOf(c)}"))];

    /// <summary>The reply for a command on a pin not created or closed: remoteio's exact text.</summary>
    public static byte[] CommandIgnored(RemoteioCommand command) => Ignored[(int)command];

    /// <summary>A refused create: remoteio's text, then the reason.</summary>
    public static string CreateFailed(RemoteioPin pin, RemoteioOutcome outcome) => $"? {pin.Number} Led creation failure: {Reason(pin, outcome)}";

    /// <summary>A refused command: names the pin, the command and the reason.</summary>
    public static string CommandRefused(RemoteioRequest request, RemoteioOutcome outcome) =>
        $"? {request.Pin.Number} {RemoteioParser.NameOf(request.Command)} refused: {Reason(request.Pin, outcome)}";

    /// <summary>The backend's message, or one made from the refusal's kind when it gave none.</summary>
    private static string Reason(RemoteioPin pin, RemoteioOutcome outcome) => outcome.Message ?? outcome.Kind switch
    {
        RemoteioOutcomeKind.Busy => $"{pin} is busy",
        RemoteioOutcomeKind.Duplicate => $"{pin} is already created on this connection",
        RemoteioOutcomeKind.NotAGpio => $"{pin} is not a GPIO",
        RemoteioOutcomeKind.InvalidArgument => "an argument is out of range",
        _ => "the host cannot take it now",
    };

    /// <summary>A request that could not be parsed or checked.</summary>
    public static string Refused(string error) => $"? {error}";
}
