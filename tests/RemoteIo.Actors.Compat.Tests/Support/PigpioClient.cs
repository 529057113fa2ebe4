using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>A pigpio client over a <see cref="PipeConnection"/>: sends requests as pigpio.py packs them and checks each reply's echo.</summary>
public sealed class PigpioClient(ICompatProtocolServer server) : IAsyncDisposable
{
    public PipeConnection Connection { get; } = new(server);

    /// <summary>A request as pigpio.py's <c>struct.pack('IIII', ...)</c> (+ one extension word) makes it.</summary>
    public static byte[] Request(PigpioCommand command, uint p1 = 0, uint p2 = 0, uint? extension = null)
    {
        var bytes = new byte[PigpioWire.RequestSize + (extension is null ? 0 : 4)];
        PigpioWire.WriteRequest(bytes, new PigpioRequest((uint)command, p1, p2, extension is null ? 0u : 4u));
        if (extension is { } word)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(PigpioWire.RequestSize), word);
        }

        return bytes;
    }

    /// <summary>Sends a request and returns the reply's result, checking that the reply echoes cmd, p1 and p2.</summary>
    public async Task<int> CommandAsync(PigpioCommand command, uint p1 = 0, uint p2 = 0, uint? extension = null)
    {
        await Connection.SendAsync(Request(command, p1, p2, extension));
        return await ReplyAsync(command, p1, p2);
    }

    /// <summary>Reads one reply and checks its echo.</summary>
    public async Task<int> ReplyAsync(PigpioCommand command, uint p1, uint p2)
    {
        var reply = await Connection.ReceiveAsync(PigpioWire.ReplySize);
        var echo = PigpioWire.ReadRequest(reply);
        Assert.Equal(((uint)command, p1, p2), (echo.Command, echo.P1, echo.P2));
        return PigpioWire.ReadReplyResult(reply);
    }

    /// <summary>Reads one notification report.</summary>
    public async Task<PigpioReport> ReportAsync() => PigpioWire.ReadReport(await Connection.ReceiveAsync(PigpioWire.ReportSize));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
