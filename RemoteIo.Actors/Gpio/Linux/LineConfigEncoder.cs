using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>
/// Translates between the layer's <see cref="LineSettings"/>/<see cref="LineInfo"/> and the uAPI v2
/// structs: a request's settings become a line config (the first group's flags as default, one
/// FLAGS attribute per further group, OUTPUT_VALUES for the outputs, DEBOUNCE per period), and a
/// kernel line info becomes a <see cref="LineInfo"/>.
/// </summary>
internal static class LineConfigEncoder
{
    /// <summary>
    /// Fills a line config for lines whose settings are <paramref name="settings"/> (bit i of the
    /// masks and values is line i of the request).
    /// </summary>
    /// <param name="config">The config to fill.</param>
    /// <param name="settings">Per line of the request, its settings.</param>
    /// <param name="values">The logical output values (only the bits of outputs are used).</param>
    public static void Fill(ref GpioV2LineConfig config, LineSettings[] settings, ulong values)
    {
        var groups = settings.Distinct().ToArray();
        var masks = groups.Select(g => MaskOf(settings, s => s == g)).ToArray();
        var outputs = MaskOf(settings, s => s.Direction == LineDirection.Output);
        config.Flags = ToFlags(groups[0]);
        var count = 0;
        for (var g = 1; g < groups.Length; g++)
        {
            AddAttribute(ref config, ref count, new GpioV2LineAttribute { Id = GpioUapi.AttrIdFlags, Flags = ToFlags(groups[g]) }, masks[g]);
        }

        if (outputs != 0)
        {
            AddAttribute(ref config, ref count, new GpioV2LineAttribute { Id = GpioUapi.AttrIdOutputValues, Values = values & outputs }, outputs);
        }

        foreach (var period in groups.Select(g => g.Debounce).Where(d => d > TimeSpan.Zero).Distinct())
        {
            var mask = 0UL;
            for (var g = 0; g < groups.Length; g++)
            {
                mask |= groups[g].Debounce == period ? masks[g] : 0;
            }

            var attribute = new GpioV2LineAttribute { Id = GpioUapi.AttrIdDebounce, DebouncePeriodUs = (uint)Math.Ceiling(period.TotalMicroseconds) };
            AddAttribute(ref config, ref count, attribute, mask);
        }

        config.NumAttrs = (uint)count;
    }

    /// <summary>The request bits whose settings satisfy <paramref name="predicate"/>.</summary>
    /// <param name="settings">Per line of the request, its settings.</param>
    /// <param name="predicate">Which lines count.</param>
    /// <returns>The mask.</returns>
    public static ulong MaskOf(LineSettings[] settings, Func<LineSettings, bool> predicate)
    {
        var mask = 0UL;
        for (var i = 0; i < settings.Length; i++)
        {
            mask |= predicate(settings[i]) ? 1UL << i : 0;
        }

        return mask;
    }

    /// <summary>Converts kernel line info.</summary>
    /// <param name="info">The kernel's line info.</param>
    /// <returns>The layer's line info.</returns>
    public static unsafe LineInfo ToLineInfo(GpioV2LineInfo info)
    {
        var flags = info.Flags;
        var debounce = TimeSpan.Zero;
        for (var i = 0; i < Math.Min(info.NumAttrs, (uint)GpioUapi.LineNumAttrsMax); i++)
        {
            if (info.Attrs[i].Id == GpioUapi.AttrIdDebounce)
            {
                debounce = TimeSpan.FromMicroseconds(info.Attrs[i].DebouncePeriodUs);
            }
        }

        var edges = PinEventTypes.None;
        edges |= (flags & GpioUapi.FlagEdgeRising) != 0 ? PinEventTypes.Rising : PinEventTypes.None;
        edges |= (flags & GpioUapi.FlagEdgeFalling) != 0 ? PinEventTypes.Falling : PinEventTypes.None;
        return new LineInfo(
            (int)info.Offset,
            NativeText.Read(info.Name, GpioUapi.MaxNameSize),
            NativeText.Read(info.Consumer, GpioUapi.MaxNameSize),
            (flags & GpioUapi.FlagUsed) != 0,
            (flags & GpioUapi.FlagOutput) != 0 ? LineDirection.Output : LineDirection.Input,
            (flags & GpioUapi.FlagActiveLow) != 0,
            (flags & GpioUapi.FlagBiasPullUp) != 0 ? LineBias.PullUp
                : (flags & GpioUapi.FlagBiasPullDown) != 0 ? LineBias.PullDown
                : (flags & GpioUapi.FlagBiasDisabled) != 0 ? LineBias.Disabled
                : LineBias.AsIs,
            (flags & GpioUapi.FlagOpenDrain) != 0 ? LineDrive.OpenDrain
                : (flags & GpioUapi.FlagOpenSource) != 0 ? LineDrive.OpenSource
                : LineDrive.PushPull,
            edges,
            debounce);
    }

    /// <summary>The kernel flags for one settings group.</summary>
    private static ulong ToFlags(LineSettings settings)
    {
        var flags = settings.Direction == LineDirection.Output ? GpioUapi.FlagOutput : GpioUapi.FlagInput;
        if (settings.ActiveLow)
        {
            flags |= GpioUapi.FlagActiveLow;
        }

        flags |= settings.Bias switch
        {
            LineBias.PullUp => GpioUapi.FlagBiasPullUp,
            LineBias.PullDown => GpioUapi.FlagBiasPullDown,
            LineBias.Disabled => GpioUapi.FlagBiasDisabled,
            _ => 0,
        };
        flags |= settings.Drive switch
        {
            LineDrive.OpenDrain => GpioUapi.FlagOpenDrain,
            LineDrive.OpenSource => GpioUapi.FlagOpenSource,
            _ => 0,
        };
        if ((settings.EdgeDetection & PinEventTypes.Rising) != 0)
        {
            flags |= GpioUapi.FlagEdgeRising;
        }

        if ((settings.EdgeDetection & PinEventTypes.Falling) != 0)
        {
            flags |= GpioUapi.FlagEdgeFalling;
        }

        return flags;
    }

    /// <summary>Appends one attribute, refusing more than the kernel's ten.</summary>
    private static void AddAttribute(ref GpioV2LineConfig config, ref int count, in GpioV2LineAttribute attribute, ulong mask)
    {
        if (count == GpioUapi.LineNumAttrsMax)
        {
            throw new GpioInvalidArgumentException($"the lines of one request differ in more ways than the kernel's {GpioUapi.LineNumAttrsMax} configuration attributes can express; request them separately");
        }

        config.Attrs[count++] = new GpioV2LineConfigAttribute { Attr = attribute, Mask = mask };
    }
}
