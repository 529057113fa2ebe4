namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>Where a GPIO's hardware PWM is: which channel of which kind of pwmchip.</summary>
/// <param name="Gpio">The GPIO (12, 13, 18 or 19 on a Raspberry Pi).</param>
/// <param name="Channel">The channel number under the pwmchip (pwmN).</param>
/// <param name="ChannelCount">How many channels that pwmchip has (<c>npwm</c>): 2 on the BCM283x/2711, 4 on the Pi 5's RP1; used to find the right pwmchip.</param>
/// <param name="Note">What must be true for it to work, e.g. the overlay that routes the pin.</param>
public sealed record HardwarePwmChannel(int Gpio, int Channel, int ChannelCount, string Note);
