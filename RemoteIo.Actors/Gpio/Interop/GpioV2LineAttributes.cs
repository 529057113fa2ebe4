using System.Runtime.CompilerServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>The fixed array of <see cref="GpioUapi.LineNumAttrsMax"/> attributes inside <c>gpio_v2_line_info</c>.</summary>
[InlineArray(GpioUapi.LineNumAttrsMax)]
internal struct GpioV2LineAttributes
{
    /// <summary>The first element; the runtime lays out the rest after it.</summary>
    private GpioV2LineAttribute _element;
}
