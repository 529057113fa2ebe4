using System.Globalization;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Host.Gpio;

/// <summary>
/// Reads the <c>remoteio.gpio</c> section (documented in reference.conf) onto
/// <see cref="GpioOptions"/>: missing keys keep the defaults, a wrong value names its key.
/// </summary>
public static class GpioOptionsConfig
{
    /// <summary>The section read.</summary>
    public const string ConfigSection = "remoteio.gpio";

    /// <summary>Reads the options.</summary>
    /// <param name="config">The whole configuration.</param>
    /// <returns>The options, validated.</returns>
    /// <exception cref="ConfigurationException">A value has the wrong type or is out of range.</exception>
    public static GpioOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig(ConfigSection);
        var d = GpioOptions.Default;
        var t = d.Timing;
        var timing = t with
        {
            ThreadCount = c.GetInt("timing.thread-count", t.ThreadCount),
            SpinWindow = c.GetTimeSpan("timing.spin-window", t.SpinWindow, allowInfinite: false),
            SpinBudget = c.GetDouble("timing.spin-budget", t.SpinBudget),
            ThreadPriority = ParsePriority(c.GetString("timing.thread-priority", t.ThreadPriority.ToString())!),
            RealtimePriority = c.GetInt("timing.realtime-priority", t.RealtimePriority),
            SoftwarePwmFrequency = c.GetDouble("timing.software-pwm-frequency", t.SoftwarePwmFrequency),
            FadeStep = c.GetTimeSpan("timing.fade-step", t.FadeStep, allowInfinite: false),
        };
        var options = d with
        {
            Driver = ParseDriver(c.GetString("driver", "auto")!),
            Chip = c.GetString("chip", d.Chip)!,
            DevDirectory = c.GetString("dev-directory", d.DevDirectory)!,
            Consumer = c.GetString("consumer", d.Consumer)!,
            PwmRoot = c.GetString("pwm-root", d.PwmRoot)!,
            PwmChip = c.GetInt("pwm-chip", d.PwmChip),
            Model = c.GetString("model", d.Model)!,
            SimulatedLineCount = c.GetInt("simulated-line-count", d.SimulatedLineCount),
            ModelPath = c.GetString("model-path", d.ModelPath)!,
            Simulation = d.Simulation with
            {
                TransitionLogCapacity = c.GetInt("simulation.transition-log-capacity", d.Simulation.TransitionLogCapacity),
                TransitionLogPath = c.GetString("simulation.transition-log-path", d.Simulation.TransitionLogPath)!,
                Wires = ReadWires(c.GetValue("simulation.wires")) ?? d.Simulation.Wires,
            },
            Timing = timing,
        };
        try
        {
            options.Validate();
        }
        catch (GpioInvalidArgumentException e)
        {
            throw new ConfigurationException(e.Message, e);
        }

        return options;
    }

    /// <summary>Parses the <c>--gpio</c> / <c>driver</c> value.</summary>
    /// <param name="text">auto, chardev or simulated.</param>
    /// <returns>The driver kind.</returns>
    /// <exception cref="ConfigurationException">Another value.</exception>
    public static GpioDriverKind ParseDriver(string text) => text.Trim().ToUpperInvariant() switch
    {
        "AUTO" => GpioDriverKind.Auto,
        "CHARDEV" => GpioDriverKind.Chardev,
        "SIMULATED" => GpioDriverKind.Simulated,
        _ => throw new ConfigurationException($"{ConfigSection}.driver = \"{text}\": expected auto, chardev or simulated"),
    };

    /// <summary>
    /// Reads <c>simulation.wires</c>: a list of <c>"FROM->TO"</c> strings or <c>{ from = N, to = M }</c>
    /// objects (mixed allowed); null when the key is absent. Range and duplicates are checked by
    /// <see cref="GpioSimulationOptions.Validate(int)"/>.
    /// </summary>
    private static List<SimulatedWire>? ReadWires(ConfigValue? value)
    {
        const string Key = ConfigSection + ".simulation.wires";
        if (value is null || value.ValueType == ConfigValueType.Null)
        {
            return null;
        }

        if (value is not ConfigList list)
        {
            throw new ConfigurationException($"{Key}: expected a list such as [ \"20->21\" ] or [ {{ from = 20, to = 21 }} ] ({value.Origin.Description})");
        }

        var wires = new List<SimulatedWire>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{Key}[{i}]");
            try
            {
                wires.Add(item switch
                {
                    ConfigScalar { ValueType: ConfigValueType.String, Text: { } text } => SimulatedWire.Parse(text),
                    ConfigObject wire => new SimulatedWire(WireEnd(wire, "from", key), WireEnd(wire, "to", key)),
                    _ => throw new GpioInvalidArgumentException($"{item} is neither \"FROM->TO\" nor {{ from = N, to = M }}"),
                });
            }
            catch (GpioInvalidArgumentException e)
            {
                throw new ConfigurationException($"{key}: {e.Message} ({item.Origin.Description})", e);
            }
        }

        return wires;
    }

    /// <summary>The <c>from</c> or <c>to</c> line number of a wire written as an object.</summary>
    private static int WireEnd(ConfigObject wire, string end, string key) =>
        wire.TryGetValue(end, out var value) && value is ConfigScalar { ValueType: ConfigValueType.Number, Text: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? line
            : throw new ConfigurationException($"{key}.{end}: expected a line number ({wire.Origin.Description})");

    /// <summary>lowest, below-normal, normal, above-normal or highest (dashes optional).</summary>
    private static ThreadPriority ParsePriority(string text) => text.Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant() switch
    {
        "LOWEST" => ThreadPriority.Lowest,
        "BELOWNORMAL" => ThreadPriority.BelowNormal,
        "NORMAL" => ThreadPriority.Normal,
        "ABOVENORMAL" => ThreadPriority.AboveNormal,
        "HIGHEST" => ThreadPriority.Highest,
        _ => throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{ConfigSection}.timing.thread-priority = \"{text}\": expected lowest, below-normal, normal, above-normal or highest")),
    };
}
