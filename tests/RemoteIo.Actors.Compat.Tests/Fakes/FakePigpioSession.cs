using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>A pigpio session on the fake board: every change claims the pin (exclusively) for the session.</summary>
internal sealed class FakePigpioSession(FakeBoard board, int id) : IPigpioSession
{
    private int _closed;

    public ValueTask<PigpioStatus> ClaimAsync(int gpio, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "touch", _ => { }));

    public ValueTask<PigpioStatus> SetModeAsync(int gpio, PigpioMode mode, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "mode", p =>
        {
            if (p.Mode != mode)
            {
                p.Signal = null;
            }

            p.Mode = mode;
        }, (int)mode));

    public ValueTask<PigpioStatus> SetPullAsync(int gpio, PigpioPull pull, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "pull", p => p.Pull = pull, (int)pull));

    public ValueTask<PigpioStatus> WriteAsync(int gpio, bool level, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "level", p =>
        {
            p.Mode = PigpioMode.Output;
            p.Signal = null;
            p.Latch = level;
        }, level ? 1 : 0));

    public ValueTask<PigpioStatus> WriteBankAsync(int bank, uint gpios, bool level, CancellationToken cancellationToken) =>
        new(board.ApplyBank(id, bank, gpios, level));

    public ValueTask<PigpioStatus> SetPwmAsync(int gpio, int frequencyHz, double dutyCycle, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "pwm", p =>
        {
            p.Mode = PigpioMode.Output;
            p.Signal = "pwm";
            p.PwmFrequency = frequencyHz;
            p.PwmDuty = dutyCycle;
        }, frequencyHz, dutyCycle));

    public ValueTask<PigpioStatus> SetServoAsync(int gpio, int pulseWidthUs, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "servo", p =>
        {
            p.Mode = PigpioMode.Output;
            p.Signal = pulseWidthUs == 0 ? null : "servo";
            p.ServoWidth = pulseWidthUs;
            p.Latch = false;
        }, pulseWidthUs));

    public ValueTask<PigpioStatus> SetHardwarePwmAsync(int gpio, int frequencyHz, int dutyCycleMillionths, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "hwpwm", p =>
        {
            p.Mode = frequencyHz == 0 ? p.Mode : PigpioMode.Alt0;
            p.Signal = frequencyHz == 0 ? null : "hwpwm";
            p.HardwareFrequency = frequencyHz;
            p.HardwareDuty = dutyCycleMillionths;
        }, frequencyHz, dutyCycleMillionths));

    public ValueTask<PigpioStatus> TriggerAsync(int gpio, int pulseLengthUs, bool level, CancellationToken cancellationToken) =>
        new(board.Apply(id, gpio, "trigger", _ => { }, pulseLengthUs, level ? 1 : 0));

    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            throw new InvalidOperationException("CloseAsync called twice");
        }

        board.Release(id);
        return ValueTask.CompletedTask;
    }
}
