using System.Runtime.CompilerServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>
/// Constants and ioctl numbers of the GPIO character-device uAPI v2 (linux/gpio.h). The ioctl
/// numbers are computed with the kernel's <c>_IOR</c>/<c>_IOWR</c> encoding from the struct sizes,
/// so a wrong layout changes the number and the kernel refuses it instead of corrupting memory;
/// the unit tests pin both the sizes and the numbers to the header.
/// </summary>
/// <remarks>
/// A GPIO chip's descriptor answers a command it does not know with EINVAL (Linux 6.1's
/// <c>gpio_ioctl</c> and <c>linereq_ioctl</c> end in <c>return -EINVAL</c>), the same errno as for
/// bad contents; only a descriptor that is no GPIO device at all answers ENOTTY. Error messages
/// therefore carry the ioctl's name and number (<see cref="Describe"/>), so a wrong number can be
/// told from wrong contents by reading the message against linux/gpio.h.
/// </remarks>
internal static class GpioUapi
{
    /// <summary>GPIO_MAX_NAME_SIZE.</summary>
    public const int MaxNameSize = 32;

    /// <summary>GPIO_V2_LINES_MAX: lines per request.</summary>
    public const int LinesMax = 64;

    /// <summary>GPIO_V2_LINE_NUM_ATTRS_MAX.</summary>
    public const int LineNumAttrsMax = 10;

    /// <summary>GPIO_V2_LINE_FLAG_USED.</summary>
    public const ulong FlagUsed = 1UL << 0;

    /// <summary>GPIO_V2_LINE_FLAG_ACTIVE_LOW.</summary>
    public const ulong FlagActiveLow = 1UL << 1;

    /// <summary>GPIO_V2_LINE_FLAG_INPUT.</summary>
    public const ulong FlagInput = 1UL << 2;

    /// <summary>GPIO_V2_LINE_FLAG_OUTPUT.</summary>
    public const ulong FlagOutput = 1UL << 3;

    /// <summary>GPIO_V2_LINE_FLAG_EDGE_RISING.</summary>
    public const ulong FlagEdgeRising = 1UL << 4;

    /// <summary>GPIO_V2_LINE_FLAG_EDGE_FALLING.</summary>
    public const ulong FlagEdgeFalling = 1UL << 5;

    /// <summary>GPIO_V2_LINE_FLAG_OPEN_DRAIN.</summary>
    public const ulong FlagOpenDrain = 1UL << 6;

    /// <summary>GPIO_V2_LINE_FLAG_OPEN_SOURCE.</summary>
    public const ulong FlagOpenSource = 1UL << 7;

    /// <summary>GPIO_V2_LINE_FLAG_BIAS_PULL_UP.</summary>
    public const ulong FlagBiasPullUp = 1UL << 8;

    /// <summary>GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN.</summary>
    public const ulong FlagBiasPullDown = 1UL << 9;

    /// <summary>GPIO_V2_LINE_FLAG_BIAS_DISABLED.</summary>
    public const ulong FlagBiasDisabled = 1UL << 10;

    /// <summary>GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME (not used: CLOCK_MONOTONIC is what the rest of the layer speaks).</summary>
    public const ulong FlagEventClockRealtime = 1UL << 11;

    /// <summary>GPIO_V2_LINE_ATTR_ID_FLAGS.</summary>
    public const uint AttrIdFlags = 1;

    /// <summary>GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES.</summary>
    public const uint AttrIdOutputValues = 2;

    /// <summary>GPIO_V2_LINE_ATTR_ID_DEBOUNCE.</summary>
    public const uint AttrIdDebounce = 3;

    /// <summary>GPIO_V2_LINE_EVENT_RISING_EDGE.</summary>
    public const uint EventRisingEdge = 1;

    /// <summary>GPIO_V2_LINE_EVENT_FALLING_EDGE.</summary>
    public const uint EventFallingEdge = 2;

    /// <summary>GPIO_V2_LINE_CHANGED_REQUESTED.</summary>
    public const uint ChangedRequested = 1;

    /// <summary>GPIO_V2_LINE_CHANGED_RELEASED.</summary>
    public const uint ChangedReleased = 2;

    /// <summary>GPIO_V2_LINE_CHANGED_CONFIG.</summary>
    public const uint ChangedConfig = 3;

    /// <summary>The ioctl type byte of the GPIO uAPI.</summary>
    private const uint IoctlType = 0xB4;

    /// <summary>GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info).</summary>
    public static readonly nuint GetChipInfo = Ior(0x01, Unsafe.SizeOf<GpioChipInfoNative>());

    /// <summary>GPIO_GET_LINEINFO_UNWATCH_IOCTL = _IOWR(0xB4, 0x0C, __u32).</summary>
    public static readonly nuint GetLineInfoUnwatch = Iowr(0x0C, sizeof(uint));

    /// <summary>GPIO_V2_GET_LINEINFO_IOCTL = _IOWR(0xB4, 0x05, struct gpio_v2_line_info).</summary>
    public static readonly nuint V2GetLineInfo = Iowr(0x05, Unsafe.SizeOf<GpioV2LineInfo>());

    /// <summary>GPIO_V2_GET_LINEINFO_WATCH_IOCTL = _IOWR(0xB4, 0x06, struct gpio_v2_line_info).</summary>
    public static readonly nuint V2GetLineInfoWatch = Iowr(0x06, Unsafe.SizeOf<GpioV2LineInfo>());

    /// <summary>GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request).</summary>
    public static readonly nuint V2GetLine = Iowr(0x07, Unsafe.SizeOf<GpioV2LineRequest>());

    /// <summary>GPIO_V2_LINE_SET_CONFIG_IOCTL = _IOWR(0xB4, 0x0D, struct gpio_v2_line_config).</summary>
    public static readonly nuint V2LineSetConfig = Iowr(0x0D, Unsafe.SizeOf<GpioV2LineConfig>());

    /// <summary>GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values).</summary>
    public static readonly nuint V2LineGetValues = Iowr(0x0E, Unsafe.SizeOf<GpioV2LineValues>());

    /// <summary>GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values).</summary>
    public static readonly nuint V2LineSetValues = Iowr(0x0F, Unsafe.SizeOf<GpioV2LineValues>());

    /// <summary>
    /// The ioctl's name in linux/gpio.h and its number, for error messages:
    /// "GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f)". Looked up by value, so a number that is wrong
    /// here still shows under its name, with the wrong value next to it.
    /// </summary>
    /// <param name="request">One of this class's ioctl numbers.</param>
    /// <returns>The name and the number in hex.</returns>
    public static string Describe(nuint request) => $"{NameOf(request)} (0x{(ulong)request:x8})";

    /// <summary>The name of one of this class's ioctl numbers in linux/gpio.h; "ioctl" for any other.</summary>
    /// <param name="request">The ioctl number.</param>
    /// <returns>The macro name.</returns>
    public static string NameOf(nuint request) =>
        request == GetChipInfo ? "GPIO_GET_CHIPINFO_IOCTL"
        : request == GetLineInfoUnwatch ? "GPIO_GET_LINEINFO_UNWATCH_IOCTL"
        : request == V2GetLineInfo ? "GPIO_V2_GET_LINEINFO_IOCTL"
        : request == V2GetLineInfoWatch ? "GPIO_V2_GET_LINEINFO_WATCH_IOCTL"
        : request == V2GetLine ? "GPIO_V2_GET_LINE_IOCTL"
        : request == V2LineSetConfig ? "GPIO_V2_LINE_SET_CONFIG_IOCTL"
        : request == V2LineGetValues ? "GPIO_V2_LINE_GET_VALUES_IOCTL"
        : request == V2LineSetValues ? "GPIO_V2_LINE_SET_VALUES_IOCTL"
        : "ioctl";

    /// <summary>_IOR: the kernel writes the argument (direction bits 2).</summary>
    private static nuint Ior(uint number, int size) => Encode(2, number, size);

    /// <summary>_IOWR: the kernel reads and writes the argument (direction bits 3).</summary>
    private static nuint Iowr(uint number, int size) => Encode(3, number, size);

    /// <summary>The generic _IOC encoding: direction (2 bits) | size (14 bits) | type (8) | number (8).</summary>
    private static nuint Encode(uint direction, uint number, int size) =>
        (nuint)((direction << 30) | ((uint)size << 16) | (IoctlType << 8) | number);
}
