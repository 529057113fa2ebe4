namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>A line gpio-sim hands to the kernel itself when the chip goes live, as a device-tree GPIO hog does.</summary>
/// <param name="Consumer">The consumer name the hog shows in line info.</param>
/// <param name="Direction">gpio-sim's hog direction: <c>input</c>, <c>output-high</c> or <c>output-low</c>.</param>
internal sealed record GpioSimHog(string Consumer, string Direction);
