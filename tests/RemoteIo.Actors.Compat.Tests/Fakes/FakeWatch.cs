using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>A level watch on the fake board.</summary>
internal sealed class FakeWatch(FakeBoard board, IPigpioLevelObserver observer) : IPigpioLevelWatch
{
    public IPigpioLevelObserver Observer => observer;

    public uint Mask { get; set; }

    public void SetMask(uint gpios) => board.SetWatchMask(this, gpios);

    public void Dispose() => board.RemoveWatch(this);
}
