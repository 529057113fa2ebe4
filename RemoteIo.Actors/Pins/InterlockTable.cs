namespace RemoteIo.Actors.Pins;

/// <summary>
/// The exclusive groups, shared by every pin actor: which pins are energised now. Checking the
/// group and marking a pin energised happen under one lock, so two pin actors on two threads can
/// never both energise members of one group.
/// </summary>
internal sealed class InterlockTable
{
    /// <summary>Guards <see cref="_energised"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Per GPIO, the groups it belongs to (absent: not interlocked).</summary>
    private readonly Dictionary<int, ExclusiveGroup[]> _groups;

    /// <summary>Interlocked GPIOs that are energised now.</summary>
    private readonly HashSet<int> _energised = [];

    /// <summary>Creates the table.</summary>
    /// <param name="groups">The configured groups.</param>
    public InterlockTable(IEnumerable<ExclusiveGroup> groups)
    {
        _groups = groups
            .SelectMany(g => g.Gpios.Select(gpio => (gpio, g)))
            .GroupBy(x => x.gpio)
            .ToDictionary(x => x.Key, x => x.Select(y => y.g).ToArray());
    }

    /// <summary>Whether <paramref name="gpio"/> belongs to an exclusive group.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>True when interlocked.</returns>
    public bool IsInterlocked(int gpio) => _groups.ContainsKey(gpio);

    /// <summary>Marks <paramref name="gpio"/> energised unless another member of one of its groups is.</summary>
    /// <param name="gpio">The GPIO about to be energised.</param>
    /// <param name="conflict">Why not, naming the group and the other pin.</param>
    /// <returns>True when the pin may be energised (always for pins in no group).</returns>
    public bool TryEnergise(int gpio, out string conflict)
    {
        conflict = string.Empty;
        if (!_groups.TryGetValue(gpio, out var groups))
        {
            return true;
        }

        lock (_gate)
        {
            foreach (var group in groups)
            {
                foreach (var other in group.Gpios)
                {
                    if (other != gpio && _energised.Contains(other))
                    {
                        conflict = $"interlock: GPIO {gpio} and GPIO {other} are in exclusive group '{group.Name}', and GPIO {other} is energised";
                        return false;
                    }
                }
            }

            _energised.Add(gpio);
            return true;
        }
    }

    /// <summary>Marks <paramref name="gpio"/> no longer energised.</summary>
    /// <param name="gpio">The GPIO.</param>
    public void Release(int gpio)
    {
        if (!_groups.ContainsKey(gpio))
        {
            return;
        }

        lock (_gate)
        {
            _energised.Remove(gpio);
        }
    }
}
