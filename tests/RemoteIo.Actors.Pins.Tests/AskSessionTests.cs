using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>
/// A local client's session is keyed on its sender reference, so an Ask's temporary reference would
/// be a session of its own that closes when the reply arrives. Requests that need no session must
/// not open one, and requests that need one must not accept a temporary reference as its owner.
/// </summary>
public sealed class AskSessionTests : PinsTestKit
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ask_ReadPinAndGetPinStates_OpenNoSession()
    {
        var level = AskNow<PinLevel>(new ReadPin { RequestId = 5, Pin = Cmd.Gpio(17) });
        var states = AskNow<PinStates>(new GetPinStates { RequestId = 6 });

        Assert.Equal((5ul, 17u), ((await level).RequestId, (await level).Gpio));
        Assert.Empty((await states).Pins);
        var client = Client();
        client.Send(Pins, new OpenSession { RequestId = 7, Mode = Mode.Wait });
        Flush();
        Assert.Equal("s1", client.ExpectMsg<SessionOpened>().SessionId);
    }

    [Fact]
    public async Task Ask_ReadAndStatesAndCloseWhileAClientDrives_LeaveItsSessionAlone()
    {
        var client = Client();
        ClaimOutput(client, 17);
        Send(client, Cmd.On(17, 1000));
        client.ExpectMsg<CommandOutcome>(o => o.Kind == OutcomeKind.Accepted);

        var read = AskNow<PinLevel>(new ReadPin { RequestId = 8, Pin = Cmd.Gpio(17) });
        var states = AskNow<PinStates>(new GetPinStates { RequestId = 9 });
        var closed = AskNow<SessionClosed>(new CloseSession { RequestId = 10 });

        Assert.True((await read).Level);
        Assert.Equal("session s1 (" + client.Ref.Path + ")", (await states).Pins.Single().Owner);
        Assert.Empty((await closed).ReleasedGpios);
        AdvanceMs(1000);
        client.ExpectMsg<CommandOutcome>(o => o.Kind == OutcomeKind.Completed);
        var next = Cmd.On(17);
        Send(client, next);
        ExpectAccepted(client, next);
        Assert.Equal([(0, true), (1000, false), (1000, true)], Edges(17));
    }

    [Fact]
    public async Task Ask_ClaimPin_RefusedAsTemporaryAndThePinStaysFree()
    {
        var reply = AskNow<object>(Cmd.Claim(Cmd.Gpio(17)));

        var refused = Assert.IsType<RequestRejected>(await reply);
        Assert.Equal(RejectReason.InvalidArgument, refused.Reason);
        Assert.Contains("temporary reference", refused.Message, StringComparison.Ordinal);
        var client = Client();
        Assert.Equal(17u, ClaimOutput(client, 17).Gpio);
        client.Send(Pins, new OpenSession { RequestId = 11, Mode = Mode.Wait });
        Flush();
        Assert.Equal("s1", client.ExpectMsg<SessionOpened>().SessionId);
    }

    [Fact]
    public async Task Ask_OpenSessionOrObservePin_RefusedWithAReason()
    {
        var open = AskNow<object>(new OpenSession { RequestId = 12, Mode = Mode.Nowait });
        var observe = AskNow<object>(Cmd.Observe(22));

        Assert.Contains("temporary reference", Assert.IsType<RequestRejected>(await open).Message, StringComparison.Ordinal);
        var observeRefused = Assert.IsType<RequestRejected>(await observe);
        Assert.Contains("GPIO 22", observeRefused.Message, StringComparison.Ordinal);
        Assert.Empty((await AskNow<PinStates>(new GetPinStates { RequestId = 13 })).Pins);
    }

    /// <summary>Asks the supervisor and lets the actors answer at the current instant.</summary>
    private Task<T> AskNow<T>(object request)
    {
        var answer = Pins.Ask<T>(request, AskTimeout);
        Flush();
        Assert.True(answer.IsCompleted, $"{request.GetType().Name} was not answered at once");
        return answer;
    }
}
