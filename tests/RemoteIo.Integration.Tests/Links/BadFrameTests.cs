using System.Net.Sockets;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.ClientNode;
using RemoteIo.Integration.Tests.Support;

namespace RemoteIo.Integration.Tests.Links;

/// <summary>An oversized or malformed frame closes only the link it came on; every other session carries on.</summary>
public sealed class BadFrameTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, DisassociateReason.FrameTooLarge)]
    [InlineData(new byte[] { 0x03, 0xFF, 0xFF, 0xFF }, DisassociateReason.MalformedFrame)]
    public async Task BadFrame_ClosesOnlyThatLink_OtherSessionUntouched(byte[] garbage, DisassociateReason expected)
    {
        await using var host = await TestHost.StartAsync();
        await using var good = await host.ConnectAsync(RemoteServerOptions.Default.WithClientName("good"));
        var pin = await good.PinAsync(17);

        using var raw = new TcpClient();
        await raw.ConnectAsync(host.Tcp);
        var stream = raw.GetStream();
        var hello = Frame.Parser.ParseDelimitedFrom(stream);
        Assert.Equal(Frame.KindOneofCase.Hello, hello.KindCase);
        await stream.WriteAsync(garbage);

        var goodbye = Frame.Parser.ParseDelimitedFrom(stream);
        Assert.Equal(expected, goodbye.Disassociate.Reason);
        Assert.Equal(0, await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        var result = await pin.On(TimeSpan.FromMilliseconds(5)).Completion;
        Assert.Equal(CommandEnd.Completed, result.End);
        Assert.Equal(ConnectionState.Connected, good.State);
    }
}
