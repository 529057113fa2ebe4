using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>Each connection is a session: pins it drives are its own until it leaves, then released and forgotten.</summary>
public sealed class PigpioSessionTests : PigpioTestBase
{
    [Theory]
    [InlineData(PigpioStatus.Ok, 0)]
    [InlineData(PigpioStatus.InUse, (int)PigpioError.GpioInUse)]
    [InlineData(PigpioStatus.NotPermitted, (int)PigpioError.NotPermitted)]
    [InlineData(PigpioStatus.ShuttingDown, (int)PigpioError.NotInitialised)]
    public void Result_BackendStatus_PigpiosCode(PigpioStatus status, int expected) =>
        Assert.Equal(expected, PigpioSessionScope.Result(status));

    [Theory]
    [InlineData(PigpioCommand.WRITE, 1u, null)]
    [InlineData(PigpioCommand.PWM, 10u, null)]
    [InlineData(PigpioCommand.SERVO, 1500u, null)]
    [InlineData(PigpioCommand.MODES, 0u, null)]
    [InlineData(PigpioCommand.PUD, 2u, null)]
    [InlineData(PigpioCommand.PRS, 100u, null)]
    [InlineData(PigpioCommand.PFS, 100u, null)]
    [InlineData(PigpioCommand.TRIG, 10u, 1u)]
    [InlineData(PigpioCommand.HP, 1000u, 1000u)]
    public async Task SecondClient_DrivesFirstClientsPin_GetsGpioInUseAndPinUnchanged(PigpioCommand command, uint p2, uint? extension)
    {
        var other = H.Connect();
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.WRITE, 18, 1));
        var before = H.Board.Log.Count;

        Assert.Equal((int)PigpioError.GpioInUse, await other.CommandAsync(command, 18, p2, extension));

        Assert.Equal(before, H.Board.Log.Count);
        Assert.True(H.Board.LevelOf(18));
    }

    [Fact]
    public async Task SecondClient_BankWriteIncludingFirstClientsPin_GetsGpioInUseAndWritesNothing()
    {
        var other = H.Connect();
        await Pi.CommandAsync(PigpioCommand.WRITE, 18, 1);
        await other.CommandAsync(PigpioCommand.MODES, 17, 1);

        Assert.Equal((int)PigpioError.GpioInUse, await other.CommandAsync(PigpioCommand.BC1, (1 << 17) | (1 << 18)));

        Assert.True(H.Board.LevelOf(18));
        Assert.DoesNotContain(H.Board.Log, e => e is { Gpio: 17, Kind: "level" });
    }

    [Fact]
    public async Task SecondClient_ReadsFirstClientsPin_Allowed()
    {
        var other = H.Connect();
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 64);

        Assert.Equal((int)PigpioMode.Output, await other.CommandAsync(PigpioCommand.MODEG, 18));
        Assert.Equal(64, await other.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Equal(0, await other.CommandAsync(PigpioCommand.READ, 18));
    }

    [Fact]
    public async Task FirstClientLeaves_PinReleasedAndForgotten_SecondClientMayDriveIt()
    {
        var other = H.Connect();
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 64);
        var first = H.Board.OwnerOf(18);

        await Pi.Connection.CloseAsync();

        Assert.Equal(0, H.Board.OwnerOf(18));
        Assert.Equal((int)PigpioError.NotPwmGpio, await other.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Equal(255, await other.CommandAsync(PigpioCommand.PRG, 18));
        Assert.Equal(0, await other.CommandAsync(PigpioCommand.WRITE, 18, 1));
        Assert.NotEqual(first, H.Board.OwnerOf(18));
        Assert.NotEqual(0, H.Board.OwnerOf(18));
    }

    [Fact]
    public async Task ClientLeaves_SessionClosedExactlyOnce()
    {
        await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1);

        await Pi.Connection.CloseAsync();

        Assert.Equal(1, H.Board.SessionsClosed);
        Assert.Contains(H.Board.Log, e => e is { Gpio: 17, Kind: "release" });
    }

    [Fact]
    public async Task EndpointStops_SessionClosed()
    {
        await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1);

        await Pi.Connection.StopAsync();

        Assert.Equal(1, H.Board.SessionsClosed);
        Assert.Equal(0, H.Board.OwnerOf(17));
    }

    [Fact]
    public async Task BackendThrows_AnswersNotPermittedAndConnectionLivesOn()
    {
        H.Board.FailWith = new InvalidOperationException("driver fault");

        Assert.Equal((int)PigpioError.NotPermitted, await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1));

        H.Board.FailWith = null;
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1));
    }

    [Fact]
    public async Task BackendDisposed_AnswersNotInitialised()
    {
        H.Board.FailWith = new ObjectDisposedException("pins");

        Assert.Equal((int)PigpioError.NotInitialised, await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1));
    }
}
