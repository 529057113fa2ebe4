using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>A level watch on the fake board.</summary>
internal sealed class FakeWatch(FakeBoard board, IPigpioLevelObserver observer) : IPigpioLevelWatch
{
    public IPigpioLevelObserver Observer => observer;

    public uint Mask { get; set; }

    public void SetMask(uint gpios) => board.SetWatchMask(this, gpios);

    /// <summary>The fake board watches at once (<see cref="SetMask"/> is synchronous), unless the board holds the confirmations back.</summary>
    public ValueTask WhenWatchingAsync(CancellationToken cancellationToken)
    {
        board.WatchAwaited?.TrySetResult();
        return new(board.WatchConfirmed.WaitAsync(cancellationToken));
    }

    public void Dispose() => board.RemoveWatch(this);
}
