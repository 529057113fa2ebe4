using RemoteIo.Actors.Gpio.Tests.Contract;

namespace RemoteIo.Actors.Gpio.Tests.Simulation;

/// <summary>The driver contract, run against the simulated chip.</summary>
public sealed class SimulatedGpioDriverContractTests() : GpioDriverContractTests(new SimulatedChipFixture());
