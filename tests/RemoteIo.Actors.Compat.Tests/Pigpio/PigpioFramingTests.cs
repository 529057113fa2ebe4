using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>Requests arrive however TCP splits or joins them; every reply is one 16-byte unit; bad requests do not end the connection.</summary>
public sealed class PigpioFramingTests : PigpioTestBase
{
    [Fact]
    public async Task CoalescedRequests_ThreeInOneWrite_ThreeRepliesInOrder()
    {
        byte[] joined = [
            .. PigpioClient.Request(PigpioCommand.WRITE, 17, 1),
            .. PigpioClient.Request(PigpioCommand.HP, 18, 1000, extension: 500_000),
            .. PigpioClient.Request(PigpioCommand.PIGPV)];

        await Pi.Connection.SendAsync(joined);

        Assert.Equal(0, await Pi.ReplyAsync(PigpioCommand.WRITE, 17, 1));
        Assert.Equal(0, await Pi.ReplyAsync(PigpioCommand.HP, 18, 1000));
        Assert.Equal(79, await Pi.ReplyAsync(PigpioCommand.PIGPV, 0, 0));
    }

    [Fact]
    public async Task SplitRequest_OneByteAtATime_OneReply()
    {
        var request = PigpioClient.Request(PigpioCommand.HP, 18, 1000, extension: 500_000);

        foreach (var b in request)
        {
            await Pi.Connection.SendAsync(new[] { b });
        }

        Assert.Equal(0, await Pi.ReplyAsync(PigpioCommand.HP, 18, 1000));
        Assert.Equal(500_000, H.Board.SignalOf(18).HwDuty);
    }

    [Fact]
    public async Task UnknownCommand_AnswersUnknownCommandAndConnectionLivesOn()
    {
        Assert.Equal((int)PigpioError.UnknownCommand, await Pi.CommandAsync((PigpioCommand)200, 1, 2));

        Assert.Equal(79, await Pi.CommandAsync(PigpioCommand.PIGPV));
    }

    [Fact]
    public async Task UnimplementedCommandWithExtension_ExtensionSkippedAndNextRequestParsed()
    {
        // I2CWD (57): handle 0, then 5 data bytes as extension.
        var request = new byte[16 + 5];
        PigpioWire.WriteRequest(request, new PigpioRequest((uint)PigpioCommand.I2CWD, 0, 0, 5));
        request.AsSpan(16).Fill(0xAA);

        await Pi.Connection.SendAsync(request);

        Assert.Equal((int)PigpioError.UnknownCommand, await Pi.ReplyAsync(PigpioCommand.I2CWD, 0, 0));
        Assert.Equal(79, await Pi.CommandAsync(PigpioCommand.PIGPV));
    }

    [Fact]
    public async Task ExtensionTooLarge_ConnectionClosedAsPigpiodDoesAndSessionClosed()
    {
        var request = new byte[16];
        PigpioWire.WriteRequest(request, new PigpioRequest((uint)PigpioCommand.I2CWD, 0, 0, 1 << 16));

        await Pi.Connection.SendAsync(request);

        Assert.Empty(await Pi.Connection.ReceiveToEndAsync());
        await Pi.Connection.Serving.WaitAsync(PipeConnection.Patience);
        Assert.Equal(1, H.Board.SessionsClosed);
    }

    [Fact]
    public async Task PartialRequestThenEof_NoReplyAndSessionClosed()
    {
        await Pi.Connection.SendAsync(PigpioClient.Request(PigpioCommand.WRITE, 17, 1).AsMemory(0, 10));

        var rest = Pi.Connection.ReceiveToEndAsync();
        await Pi.Connection.CloseAsync();

        Assert.Empty(await rest);
        Assert.Equal(1, H.Board.SessionsClosed);
        Assert.DoesNotContain(H.Board.Log, e => e.Kind == "level");
    }
}
