using System.Text;

namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>Path lookup and value concatenation.</summary>
internal sealed partial class HoconResolver
{
    /// <summary>Longest string a concatenation may build; substitutions doubling a string in a chain would otherwise exhaust memory.</summary>
    private const int MaxStringLength = 16 * 1024 * 1024;

    /// <summary>Longest list a concatenation may build, for the same reason.</summary>
    private const int MaxListLength = 1024 * 1024;

    /// <summary>
    /// The value at <paramref name="path"/> (from element <paramref name="from"/>) below
    /// <paramref name="start"/>, or null if there is none. Literal objects are walked without
    /// resolving them, so <c>bar { foo = 42, baz = ${bar.foo} }</c> is not a cycle.
    /// </summary>
    private ConfigValue? Lookup(Node start, string[] path, int from)
    {
        var index = from;
        var node = NodeMerger.WalkObjects(start, path, ref index);
        while (node is MergeStackNode stack && index < path.Length)
        {
            node = StackChild(stack, path[index++]);
            node = node is null ? null : NodeMerger.WalkObjects(node, path, ref index);
        }

        return node is null ? null : Navigate(Resolve(node), path, index);
    }

    /// <summary>Follows <paramref name="path"/> from element <paramref name="from"/> through resolved objects.</summary>
    private static ConfigValue? Navigate(ConfigValue? value, string[] path, int from)
    {
        for (var i = from; i < path.Length && value is not null; i++)
        {
            value = value is ConfigObject obj && obj.TryGetValue(path[i], out var child) ? child : null;
        }

        return value;
    }

    /// <summary>
    /// The field <paramref name="key"/> of a merge stack without resolving more than needed: the
    /// definitions of the key in each entry from the top down, as far as objects keep merging.
    /// </summary>
    private Node? StackChild(MergeStackNode stack, string key)
    {
        var children = new List<Node>();
        for (var i = stack.Entries.Count - 1; i >= 0; i--)
        {
            Node? child;
            if (stack.Entries[i] is ObjectNode o)
            {
                if (!o.Fields.TryGetValue(key, out child))
                {
                    continue;
                }
            }
            else
            {
                var value = Resolve(stack.Entries[i]);
                if (value is null)
                {
                    continue;
                }

                if (value is not ConfigObject obj)
                {
                    break;
                }

                if (!obj.TryGetValue(key, out var field))
                {
                    continue;
                }

                child = new LiteralNode(field);
            }

            children.Add(child);
            if (child is ListNode or LiteralNode { Value: not ConfigObject })
            {
                break;
            }
        }

        children.Reverse();
        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new MergeStackNode(children, children[^1].Origin),
        };
    }

    /// <summary>
    /// Joins the parts of a concatenation once resolved: strings (with the whitespace between
    /// them), lists (appended) or objects (merged, later wins). Undefined optional parts drop out;
    /// mixing kinds is an error.
    /// </summary>
    private ConfigValue? ResolveConcatenation(ConcatenationNode node)
    {
        var values = new List<(Node Part, ConfigValue? Value)>(node.Parts.Count);
        var (objects, lists, scalars) = (0, 0, 0);
        foreach (var part in node.Parts)
        {
            var value = part is WhitespaceNode ? null : Resolve(part);
            if (part is not WhitespaceNode && value is null)
            {
                continue;
            }

            values.Add((part, value));
            objects += value is ConfigObject ? 1 : 0;
            lists += value is ConfigList ? 1 : 0;
            scalars += value is ConfigScalar ? 1 : 0;
        }

        if (objects + lists + scalars == 0)
        {
            return null;
        }

        if ((objects > 0 ? 1 : 0) + (lists > 0 ? 1 : 0) + (scalars > 0 ? 1 : 0) > 1)
        {
            if (node.AppendTo is { } key)
            {
                throw ConfigurationException.At(node.Origin, $"cannot append to '{key}' with +=: its earlier value is {ValueConversions.Describe(values[0].Value!)}, not a list");
            }

            throw ConfigurationException.At(node.Origin, $"cannot concatenate {DescribeKinds(values)}: a value may join strings, or lists, or objects, but not a mix");
        }

        if (values.Count == 1)
        {
            return values[0].Value;
        }

        return objects > 0 ? MergeObjects(values, node.Origin)
            : lists > 0 ? AppendLists(values, node.Origin)
            : JoinStrings(values, node.Origin);
    }

    /// <summary>Merges the objects of a concatenation, later ones on top.</summary>
    private static ConfigObject MergeObjects(List<(Node Part, ConfigValue? Value)> values, ConfigOrigin origin)
    {
        var merged = ConfigObject.Empty;
        foreach (var (_, value) in values)
        {
            if (value is ConfigObject obj)
            {
                merged = ConfigObject.Merge(obj, merged);
            }
        }

        return merged.Count == 0 ? new ConfigObject([], origin) : merged;
    }

    /// <summary>Appends the lists of a concatenation.</summary>
    private static ConfigList AppendLists(List<(Node Part, ConfigValue? Value)> values, ConfigOrigin origin)
    {
        var items = new List<ConfigValue>();
        foreach (var (_, value) in values)
        {
            if (value is ConfigList list)
            {
                if (items.Count + list.Count > MaxListLength)
                {
                    throw ConfigurationException.At(origin, $"a concatenated list would have more than {MaxListLength} elements");
                }

                items.AddRange(list);
            }
        }

        return new ConfigList([.. items], origin);
    }

    /// <summary>
    /// Joins strings: literal <c>null</c> reads "null", a substitution that is null adds
    /// nothing (as the spec says), whitespace between parts is kept.
    /// </summary>
    private static ConfigScalar JoinStrings(List<(Node Part, ConfigValue? Value)> values, ConfigOrigin origin)
    {
        var text = new StringBuilder();
        foreach (var (part, value) in values)
        {
            text.Append(part switch
            {
                WhitespaceNode whitespace => whitespace.Text,
                LiteralNode => ((ConfigScalar)value!).Text ?? "null",
                _ => ((ConfigScalar)value!).Text ?? string.Empty,
            });
            if (text.Length > MaxStringLength)
            {
                throw ConfigurationException.At(origin, $"a concatenated string would be longer than {MaxStringLength} characters");
            }
        }

        return new ConfigScalar(ConfigValueType.String, text.ToString(), origin);
    }

    /// <summary>Names the kinds being mixed, in order of appearance: "a string and a list".</summary>
    private static string DescribeKinds(List<(Node Part, ConfigValue? Value)> values)
    {
        var kinds = values.Where(v => v.Value is not null)
            .Select(v => v.Value switch { ConfigObject => "an object", ConfigList => "a list", _ => "a string" })
            .Distinct()
            .ToList();
        return string.Join(" and ", kinds);
    }
}
