namespace RemoteIo.Actors.Gpio;

/// <summary>What a GPIO chip says about itself (the kernel's <c>gpiochip_info</c>).</summary>
/// <param name="Name">The kernel name, e.g. <c>gpiochip0</c>.</param>
/// <param name="Label">The chip's label, e.g. <c>pinctrl-bcm2711</c> or <c>pinctrl-rp1</c>: stable across boots, unlike the number.</param>
/// <param name="LineCount">How many lines the chip has (54 on a Raspberry Pi's main chip).</param>
/// <param name="Path">Where it was opened from, e.g. <c>/dev/gpiochip0</c>; "(simulated)" for the simulation.</param>
public sealed record ChipInfo(string Name, string Label, int LineCount, string Path);
