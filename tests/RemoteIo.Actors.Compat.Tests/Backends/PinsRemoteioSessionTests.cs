using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Compat.Tests.Support;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Tests.Backends;

/// <summary>A remoteio connection's requests on the real pin domain (virtual time, simulated chip).</summary>
public sealed class PinsRemoteioSessionTests : PinsBackendKit
{
    private static readonly RemoteioPin Board7 = new(RemoteioNumbering.Board, 7);
    private readonly PinsRemoteioBackend _backend;

    public PinsRemoteioSessionTests()
    {
        _backend = new PinsRemoteioBackend(Access, Mode.HostDefault);
    }

    [Fact]
    public async Task Create_FreePin_ClaimedAsOutputNamedAfterTheConnection()
    {
        var session = _backend.OpenSession(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 40000));

        Assert.Equal(RemoteioOutcome.Accepted, await Answer(session.CreateAsync(Board7, default)));

        Assert.Contains("remoteio 127.0.0.1:40000", OwnerOf(4), StringComparison.Ordinal);
        Assert.Equal(ClaimRole.Output, RoleOf(4));
    }

    [Fact]
    public async Task Create_Refusals_KindAndTheHostsReason()
    {
        var first = _backend.OpenSession(null);
        var second = _backend.OpenSession(null);
        await Answer(first.CreateAsync(Board7, default));

        var busy = await Answer(second.CreateAsync(new RemoteioPin(RemoteioNumbering.Gpio, 4), default));
        var duplicate = await Answer(first.CreateAsync(new RemoteioPin(RemoteioNumbering.Gpio, 4), default));
        var power = await Answer(first.CreateAsync(new RemoteioPin(RemoteioNumbering.Board, 2), default));

        Assert.Equal(RemoteioOutcomeKind.Busy, busy.Kind);
        Assert.Contains("busy", busy.Message, StringComparison.Ordinal);
        Assert.Equal(RemoteioOutcomeKind.Duplicate, duplicate.Kind);
        Assert.Equal(RemoteioOutcomeKind.NotAGpio, power.Kind);
        Assert.Equal("board pin 2 is 5V power, not a GPIO", power.Message);
    }

    [Fact]
    public async Task Submit_PinNeverCreatedOrClosed_NotCreatedThenClosed()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.CreateAsync(Board7, default));

        var never = await Answer(session.SubmitAsync(Request(new RemoteioPin(RemoteioNumbering.Board, 11), RemoteioCommand.On), default));
        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.Close), default));
        Clock.Advance(TimeSpan.Zero);
        var closed = await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.On), default));

        Assert.Equal(RemoteioOutcomeKind.NotCreated, never.Kind);
        Assert.Equal(RemoteioOutcomeKind.Closed, closed.Kind);
        Assert.False(Chip.GetLevel(4).IsHigh);
    }

    [Fact]
    public async Task Submit_BlinkLongerThanTheHostAllows_InvalidArgumentWithTheLimit()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.CreateAsync(Board7, default));

        var refused = await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.Blink, arg1: 1e6), default));

        Assert.Equal(RemoteioOutcomeKind.InvalidArgument, refused.Kind);
        Assert.Contains("max-command-duration", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedCommands_WaitMode_QueuedAndTimedByTheHost()
    {
        var session = _backend.OpenSession(null);
        var since = NowNs;
        await Answer(session.CreateAsync(Board7, default));

        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.On, 2000), default));
        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.Blink, 1000, 0.1, 0.2), default));
        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.Value, 500, 1), default));
        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.Off), default));
        AdvanceMs(4000);

        // GPIO 4 idles high (pulled up at power-on): the claim puts it at its safe level first.
        Assert.Equal([(0, 0), (0, 1), (2100, 0), (2300, 1), (2400, 0), (2600, 1), (2700, 0), (2900, 1), (3500, 0)], Edges(4, since));
    }

    [Fact]
    public async Task Close_WaitModeImpulseQueued_ImpulseRunsToItsEndThenPinReleased()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.CreateAsync(Board7, default));
        AdvanceMs(1);
        var since = NowNs;
        await Answer(session.SubmitAsync(Request(Board7, RemoteioCommand.On, 2000), default));

        await session.CloseAsync(default);
        AdvanceMs(1999);
        Assert.NotEqual(string.Empty, OwnerOf(4));
        AdvanceMs(1);

        Assert.Equal([(0, 1), (2000, 0)], Edges(4, since));
        Assert.Equal(string.Empty, OwnerOf(4));
    }

    private static RemoteioRequest Request(RemoteioPin pin, RemoteioCommand command, double timeMs = 0, double arg1 = 0, double arg2 = 0) =>
        new(pin, command, TimeSpan.FromMilliseconds(timeMs), arg1, arg2);
}
