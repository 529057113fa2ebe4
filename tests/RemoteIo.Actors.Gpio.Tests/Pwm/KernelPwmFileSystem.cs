using System.Globalization;
using RemoteIo.Actors.Gpio.Pwm;

namespace RemoteIo.Actors.Gpio.Tests.Pwm;

/// <summary>
/// An in-memory /sys/class/pwm that records every write in order and enforces the kernel's rules
/// (drivers/pwm/sysfs.c and pwm_apply_state): export of an exported channel is EBUSY, of a channel
/// beyond npwm ENODEV; duty, enable and polarity are EINVAL while the period is 0; the duty may not exceed
/// the period; enable takes 0 or 1; polarity "normal" or "inversed". A temp directory cannot do this.
/// </summary>
public sealed class KernelPwmFileSystem : PwmFileSystem
{
    /// <summary>EINVAL.</summary>
    private const int EInval = 22;

    /// <summary>EBUSY.</summary>
    private const int EBusy = 16;

    /// <summary>ENODEV.</summary>
    private const int ENoDev = 19;

    /// <summary>Per chip, its channel count.</summary>
    private readonly Dictionary<int, int> _chips = [];

    /// <summary>Exported channels and their state.</summary>
    private readonly Dictionary<(int Chip, int Channel), ChannelState> _channels = [];

    /// <summary>Creates the tree.</summary>
    /// <param name="root">The root path the channel will be opened under.</param>
    public KernelPwmFileSystem(string root = "/sys/class/pwm") => Root = root;

    /// <summary>The root path.</summary>
    public string Root { get; }

    /// <summary>Every write, in order, as (path relative to the root, value).</summary>
    public List<(string Path, string Value)> Writes { get; } = [];

    /// <summary>Paths (relative to the root) whose writes fail with permission denied.</summary>
    public HashSet<string> Forbidden { get; } = [];

    /// <summary>How many times the channel directory is reported missing after an export (udev-free delay).</summary>
    public int ChannelAppearsAfterPolls { get; set; }

    /// <summary>How many times the new channel's files are reported unwritable after they appear (udev's chgrp delay).</summary>
    public int WritableAfterPolls { get; set; }

    /// <summary>The largest period the "controller" accepts (a hardware limit: larger is EINVAL).</summary>
    public long MaxPeriod { get; set; } = long.MaxValue;

    /// <summary>Symbolic link targets, by path relative to the root.</summary>
    public Dictionary<string, string> Links { get; } = [];

    /// <summary>Adds a chip with <paramref name="npwm"/> channels.</summary>
    /// <param name="chip">The chip number.</param>
    /// <param name="npwm">Its channel count.</param>
    /// <returns>This tree.</returns>
    public KernelPwmFileSystem WithChip(int chip, int npwm)
    {
        _chips[chip] = npwm;
        return this;
    }

    /// <summary>Marks a channel exported (by someone else) with a state.</summary>
    /// <param name="chip">The chip.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="period">Its period.</param>
    /// <param name="duty">Its duty.</param>
    /// <param name="enabled">Whether enabled.</param>
    /// <returns>This tree.</returns>
    public KernelPwmFileSystem WithExported(int chip, int channel, long period = 0, long duty = 0, bool enabled = false)
    {
        _channels[(chip, channel)] = new ChannelState { Period = period, Duty = duty, Enabled = enabled };
        return this;
    }

    /// <summary>The kernel-side state of a channel, or null when not exported.</summary>
    /// <param name="chip">The chip.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>(period, duty, enabled, polarity) or null.</returns>
    public (long Period, long Duty, bool Enabled, string Polarity)? State(int chip, int channel) =>
        _channels.TryGetValue((chip, channel), out var s) ? (s.Period, s.Duty, s.Enabled, s.Polarity) : null;

    /// <inheritdoc />
    public override bool DirectoryExists(string path)
    {
        var parts = Parse(path);
        return parts switch
        {
            { Depth: 0 } => true,
            { Depth: 1, Chip: var c } => _chips.ContainsKey(c),
            { Depth: 2 } p => ChannelVisible(p.Chip, p.Channel),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string ReadAllText(string path)
    {
        var p = Parse(path);
        if (p.Depth == 2 && p.File == "npwm" && _chips.TryGetValue(p.Chip, out var n))
        {
            return n.ToString(CultureInfo.InvariantCulture) + "\n";
        }

        if (p.Depth == 3 && _channels.TryGetValue((p.Chip, p.Channel), out var s))
        {
            return p.File switch
            {
                "period" => s.Period.ToString(CultureInfo.InvariantCulture) + "\n",
                "duty_cycle" => s.Duty.ToString(CultureInfo.InvariantCulture) + "\n",
                "enable" => (s.Enabled ? "1" : "0") + "\n",
                "polarity" => s.Polarity + "\n",
                _ => throw new FileNotFoundException(path),
            };
        }

        throw new FileNotFoundException(path);
    }

    /// <inheritdoc />
    public override void WriteAllText(string path, string text)
    {
        var relative = Path.GetRelativePath(Root, path);
        if (Forbidden.Contains(relative))
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }

        var p = Parse(path);
        Writes.Add((relative, text));
        if (p.Depth == 2 && _chips.TryGetValue(p.Chip, out var npwm))
        {
            var channel = int.Parse(text, CultureInfo.InvariantCulture);
            switch (p.File)
            {
                case "export" when channel >= npwm:
                    throw Errno(ENoDev);
                case "export" when _channels.ContainsKey((p.Chip, channel)):
                    throw Errno(EBusy);
                case "export":
                    _channels[(p.Chip, channel)] = new ChannelState { PollsUntilVisible = ChannelAppearsAfterPolls, PollsUntilWritable = WritableAfterPolls };
                    return;
                case "unexport" when !_channels.Remove((p.Chip, channel)):
                    throw Errno(ENoDev);
                case "unexport":
                    return;
            }
        }

        if (p.Depth != 3 || !_channels.TryGetValue((p.Chip, p.Channel), out var s))
        {
            throw new FileNotFoundException(path);
        }

        switch (p.File)
        {
            case "period":
                var period = long.Parse(text, CultureInfo.InvariantCulture);
                if (period < s.Duty || period > MaxPeriod)
                {
                    throw Errno(EInval);
                }

                s.Period = period;
                break;
            case "duty_cycle":
                var duty = long.Parse(text, CultureInfo.InvariantCulture);
                if (s.Period == 0 || duty > s.Period)
                {
                    throw Errno(EInval);
                }

                s.Duty = duty;
                break;
            case "enable" when text is "0" or "1":
                if (text == "1" && s.Period == 0)
                {
                    throw Errno(EInval);
                }

                s.Enabled = text == "1";
                break;
            case "polarity" when text is "normal" or "inversed":
                if (s.Period == 0)
                {
                    throw Errno(EInval); // pwm_apply_state refuses every state with period 0.
                }

                s.Polarity = text;
                break;
            default:
                throw Errno(EInval);
        }
    }

    /// <inheritdoc />
    public override bool IsWritable(string path)
    {
        var p = Parse(path);
        if (p.Depth != 3 || !_channels.TryGetValue((p.Chip, p.Channel), out var s))
        {
            return false;
        }

        if (s.PollsUntilWritable > 0)
        {
            s.PollsUntilWritable--;
            return false;
        }

        return !Forbidden.Contains(Path.GetRelativePath(Root, path));
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> EnumerateDirectories(string path, string pattern) =>
        [.. _chips.Keys.Order().Select(c => Path.Combine(Root, "pwmchip" + c.ToString(CultureInfo.InvariantCulture)))];

    /// <inheritdoc />
    public override string? ResolveLinkTarget(string path) => Links.GetValueOrDefault(Path.GetRelativePath(Root, path));

    /// <summary>The exception .NET raises for an errno on write.</summary>
    private static IOException Errno(int errno) => new($"errno {errno}", errno);

    /// <summary>Whether an exported channel's directory is visible yet.</summary>
    private bool ChannelVisible(int chip, int channel)
    {
        if (!_channels.TryGetValue((chip, channel), out var s))
        {
            return false;
        }

        if (s.PollsUntilVisible > 0)
        {
            s.PollsUntilVisible--;
            return false;
        }

        return true;
    }

    /// <summary>Splits a path under the root into chip, channel and file.</summary>
    private (int Depth, int Chip, int Channel, string File) Parse(string path)
    {
        var parts = Path.GetRelativePath(Root, path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["."])
        {
            return (0, -1, -1, string.Empty);
        }

        if (parts.Length == 0 || !parts[0].StartsWith("pwmchip", StringComparison.Ordinal))
        {
            return (-1, -1, -1, string.Empty);
        }

        var chip = int.Parse(parts[0]["pwmchip".Length..], CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            return (1, chip, -1, string.Empty);
        }

        if (parts[1].StartsWith("pwm", StringComparison.Ordinal) && int.TryParse(parts[1][3..], CultureInfo.InvariantCulture, out var channel))
        {
            return parts.Length == 2 ? (2, chip, channel, string.Empty) : (3, chip, channel, parts[2]);
        }

        return (2, chip, -1, parts[1]);
    }

    /// <summary>A channel's kernel state.</summary>
    private sealed class ChannelState
    {
        /// <summary>The period in ns.</summary>
        public long Period { get; set; }

        /// <summary>The duty in ns.</summary>
        public long Duty { get; set; }

        /// <summary>Whether enabled.</summary>
        public bool Enabled { get; set; }

        /// <summary>"normal" or "inversed".</summary>
        public string Polarity { get; set; } = "normal";

        /// <summary>Polls left before the directory shows.</summary>
        public int PollsUntilVisible { get; set; }

        /// <summary>Polls left before its files are writable.</summary>
        public int PollsUntilWritable { get; set; }
    }
}
