using RemoteIo.Actors.Gpio.Tests.Contract;

namespace RemoteIo.LinuxGpio.Tests.Contract;

/// <summary>The GPIO driver contract (the suite the simulated driver passes), run against the real kernel's gpio-sim through the character device.</summary>
public sealed class ChardevGpioDriverContractTests() : GpioDriverContractTests(new GpioSimContractFixture());
