using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RemoteIo.Actors.Gpio.Interop;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Linux;

/// <summary>
/// The uAPI v2 structs and ioctl numbers against linux/gpio.h. The expected values were produced by
/// compiling offsetof/sizeof/the ioctl macros with gcc against /usr/include/linux/gpio.h
/// (linux-libc-dev 6.1, x86-64; the v2 ABI is the same on arm64 and armhf by design: __aligned_u64).
/// </summary>
public sealed class UapiLayoutTests
{
    [Theory]
    [InlineData(typeof(GpioChipInfoNative), 68)]
    [InlineData(typeof(GpioV2LineValues), 16)]
    [InlineData(typeof(GpioV2LineAttribute), 16)]
    [InlineData(typeof(GpioV2LineConfigAttribute), 24)]
    [InlineData(typeof(GpioV2LineConfig), 272)]
    [InlineData(typeof(GpioV2LineRequest), 592)]
    [InlineData(typeof(GpioV2LineInfo), 256)]
    [InlineData(typeof(GpioV2LineInfoChanged), 288)]
    [InlineData(typeof(GpioV2LineEvent), 48)]
    [InlineData(typeof(PollFd), 8)]
    public void Struct_Size_MatchesTheKernelHeader(Type type, int size)
    {
        var sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type);
        Assert.Equal(size, (int)sizeOf.Invoke(null, null)!);
    }

    [Theory]
    [InlineData(typeof(GpioChipInfoNative), "Name", 0)]
    [InlineData(typeof(GpioChipInfoNative), "Label", 32)]
    [InlineData(typeof(GpioChipInfoNative), "Lines", 64)]
    [InlineData(typeof(GpioV2LineValues), "Bits", 0)]
    [InlineData(typeof(GpioV2LineValues), "Mask", 8)]
    [InlineData(typeof(GpioV2LineAttribute), "Id", 0)]
    [InlineData(typeof(GpioV2LineAttribute), "Padding", 4)]
    [InlineData(typeof(GpioV2LineAttribute), "Flags", 8)]
    [InlineData(typeof(GpioV2LineAttribute), "Values", 8)]
    [InlineData(typeof(GpioV2LineAttribute), "DebouncePeriodUs", 8)]
    [InlineData(typeof(GpioV2LineConfigAttribute), "Attr", 0)]
    [InlineData(typeof(GpioV2LineConfigAttribute), "Mask", 16)]
    [InlineData(typeof(GpioV2LineConfig), "Flags", 0)]
    [InlineData(typeof(GpioV2LineConfig), "NumAttrs", 8)]
    [InlineData(typeof(GpioV2LineConfig), "Padding", 12)]
    [InlineData(typeof(GpioV2LineConfig), "Attrs", 32)]
    [InlineData(typeof(GpioV2LineRequest), "Offsets", 0)]
    [InlineData(typeof(GpioV2LineRequest), "Consumer", 256)]
    [InlineData(typeof(GpioV2LineRequest), "Config", 288)]
    [InlineData(typeof(GpioV2LineRequest), "NumLines", 560)]
    [InlineData(typeof(GpioV2LineRequest), "EventBufferSize", 564)]
    [InlineData(typeof(GpioV2LineRequest), "Padding", 568)]
    [InlineData(typeof(GpioV2LineRequest), "Fd", 588)]
    [InlineData(typeof(GpioV2LineInfo), "Name", 0)]
    [InlineData(typeof(GpioV2LineInfo), "Consumer", 32)]
    [InlineData(typeof(GpioV2LineInfo), "Offset", 64)]
    [InlineData(typeof(GpioV2LineInfo), "NumAttrs", 68)]
    [InlineData(typeof(GpioV2LineInfo), "Flags", 72)]
    [InlineData(typeof(GpioV2LineInfo), "Attrs", 80)]
    [InlineData(typeof(GpioV2LineInfo), "Padding", 240)]
    [InlineData(typeof(GpioV2LineInfoChanged), "Info", 0)]
    [InlineData(typeof(GpioV2LineInfoChanged), "TimestampNs", 256)]
    [InlineData(typeof(GpioV2LineInfoChanged), "EventType", 264)]
    [InlineData(typeof(GpioV2LineEvent), "TimestampNs", 0)]
    [InlineData(typeof(GpioV2LineEvent), "Id", 8)]
    [InlineData(typeof(GpioV2LineEvent), "Offset", 12)]
    [InlineData(typeof(GpioV2LineEvent), "Seqno", 16)]
    [InlineData(typeof(GpioV2LineEvent), "LineSeqno", 20)]
    public void Struct_FieldOffset_MatchesTheKernelHeader(Type type, string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));

    [Fact]
    public void InlineArrays_AttributeArrays_HoldTenElementsBackToBack()
    {
        Assert.Equal(240, Unsafe.SizeOf<GpioV2LineConfigAttributes>());
        Assert.Equal(160, Unsafe.SizeOf<GpioV2LineAttributes>());
    }

    [Fact]
    public void Ioctl_Numbers_MatchTheKernelHeader()
    {
        Assert.Equal((nuint)0x8044B401, GpioUapi.GetChipInfo);
        Assert.Equal((nuint)0xC004B40C, GpioUapi.GetLineInfoUnwatch);
        Assert.Equal((nuint)0xC100B405, GpioUapi.V2GetLineInfo);
        Assert.Equal((nuint)0xC100B406, GpioUapi.V2GetLineInfoWatch);
        Assert.Equal((nuint)0xC250B407, GpioUapi.V2GetLine);
        Assert.Equal((nuint)0xC110B40D, GpioUapi.V2LineSetConfig);
        Assert.Equal((nuint)0xC010B40E, GpioUapi.V2LineGetValues);
        Assert.Equal((nuint)0xC010B40F, GpioUapi.V2LineSetValues);
    }

    [Fact]
    public void Describe_EachIoctl_GivesTheHeaderNameAndTheNumberInHex()
    {
        Assert.Equal(
            [
                "GPIO_GET_CHIPINFO_IOCTL (0x8044b401)",
                "GPIO_GET_LINEINFO_UNWATCH_IOCTL (0xc004b40c)",
                "GPIO_V2_GET_LINEINFO_IOCTL (0xc100b405)",
                "GPIO_V2_GET_LINEINFO_WATCH_IOCTL (0xc100b406)",
                "GPIO_V2_GET_LINE_IOCTL (0xc250b407)",
                "GPIO_V2_LINE_SET_CONFIG_IOCTL (0xc110b40d)",
                "GPIO_V2_LINE_GET_VALUES_IOCTL (0xc010b40e)",
                "GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f)",
            ],
            new[]
            {
                GpioUapi.GetChipInfo, GpioUapi.GetLineInfoUnwatch, GpioUapi.V2GetLineInfo, GpioUapi.V2GetLineInfoWatch,
                GpioUapi.V2GetLine, GpioUapi.V2LineSetConfig, GpioUapi.V2LineGetValues, GpioUapi.V2LineSetValues,
            }.Select(GpioUapi.Describe));
    }

    [Fact]
    public void Describe_UnknownNumber_SaysIoctlWithTheNumber() =>
        Assert.Equal("ioctl (0xc250b408)", GpioUapi.Describe(0xC250B408));

    [Fact]
    public void Flags_Values_MatchTheKernelHeader()
    {
        ulong[] flags =
        [
            GpioUapi.FlagUsed, GpioUapi.FlagActiveLow, GpioUapi.FlagInput, GpioUapi.FlagOutput, GpioUapi.FlagEdgeRising,
            GpioUapi.FlagEdgeFalling, GpioUapi.FlagOpenDrain, GpioUapi.FlagOpenSource, GpioUapi.FlagBiasPullUp,
            GpioUapi.FlagBiasPullDown, GpioUapi.FlagBiasDisabled, GpioUapi.FlagEventClockRealtime,
        ];
        Assert.Equal([1UL, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048], flags);
        Assert.Equal((1u, 2u, 3u), (GpioUapi.AttrIdFlags, GpioUapi.AttrIdOutputValues, GpioUapi.AttrIdDebounce));
        Assert.Equal((1u, 2u), (GpioUapi.EventRisingEdge, GpioUapi.EventFallingEdge));
        Assert.Equal((32, 64, 10), (GpioUapi.MaxNameSize, GpioUapi.LinesMax, GpioUapi.LineNumAttrsMax));
    }
}
