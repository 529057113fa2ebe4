using System.Runtime.CompilerServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>The fixed array of <see cref="GpioUapi.LineNumAttrsMax"/> config attributes inside <c>gpio_v2_line_config</c>.</summary>
[InlineArray(GpioUapi.LineNumAttrsMax)]
internal struct GpioV2LineConfigAttributes
{
    /// <summary>The first element; the runtime lays out the rest after it.</summary>
    private GpioV2LineConfigAttribute _element;
}
