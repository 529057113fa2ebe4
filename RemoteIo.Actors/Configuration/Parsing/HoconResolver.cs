namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Turns a parsed document into resolved values: substitutions are looked up in the whole merged
/// document (then the environment), merge stacks are merged, concatenations joined. Each node is
/// resolved once (memoised) and a node met again while it is being resolved is a cycle.
/// </summary>
internal sealed partial class HoconResolver
{
    /// <summary>Deepest chain of nested resolutions accepted before reporting, instead of overflowing the stack.</summary>
    private const int MaxDepth = 400;

    /// <summary>The document root every substitution is looked up in.</summary>
    private readonly ObjectNode _root;

    /// <summary>Where undefined substitutions are looked up.</summary>
    private readonly Func<string, string?> _environment;

    /// <summary>Nodes already resolved; null values mean "undefined" (an optional substitution that found nothing).</summary>
    private readonly Dictionary<Node, ConfigValue?> _resolved = new(ReferenceEqualityComparer.Instance);

    /// <summary>Nodes being resolved right now: meeting one again is a cycle.</summary>
    private readonly HashSet<Node> _inProgress = new(ReferenceEqualityComparer.Instance);

    /// <summary>The substitutions being resolved, outermost first, to explain a cycle.</summary>
    private readonly List<SubstitutionNode> _chain = [];

    /// <summary>Current nesting of <see cref="Resolve"/> calls.</summary>
    private int _depth;

    /// <summary>Creates a resolver for the document rooted at <paramref name="root"/>.</summary>
    private HoconResolver(ObjectNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves a whole document.</summary>
    /// <param name="root">The parsed root.</param>
    /// <param name="environment">Where undefined substitutions are looked up.</param>
    /// <returns>The resolved root object.</returns>
    /// <exception cref="ConfigurationException">An undefined required substitution, a cycle, or values that cannot be concatenated.</exception>
    public static ConfigObject ResolveRoot(ObjectNode root, Func<string, string?> environment) =>
        new HoconResolver(root, environment).Resolve(root) as ConfigObject ?? ConfigObject.Empty;

    /// <summary>Resolves one node; null means undefined.</summary>
    private ConfigValue? Resolve(Node node)
    {
        if (node is LiteralNode literal)
        {
            return literal.Value;
        }

        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(node))
        {
            throw CycleError(node);
        }

        if (++_depth > MaxDepth)
        {
            throw ConfigurationException.At(node.Origin, $"values and substitutions are nested more than {MaxDepth} levels deep");
        }

        try
        {
            var value = node switch
            {
                ObjectNode o => ResolveObject(o),
                ListNode l => ResolveList(l),
                SubstitutionNode s => ResolveSubstitution(s),
                SelfReferenceNode r => ResolveSelfReference(r),
                ConcatenationNode c => ResolveConcatenation(c),
                MergeStackNode m => ResolveStack(m),
                PathLookupNode p => Lookup(p.Target, p.Path, 0),
                _ => throw new InvalidOperationException($"unexpected node {node.GetType().Name}"),
            };
            _resolved[node] = value;
            return value;
        }
        finally
        {
            _inProgress.Remove(node);
            _depth--;
        }
    }

    /// <summary>An object: every field resolved; fields that resolve to undefined are left out.</summary>
    private ConfigObject ResolveObject(ObjectNode node)
    {
        var fields = new OrderedDictionary<string, ConfigValue>(node.Fields.Count);
        foreach (var (key, child) in node.Fields)
        {
            if (Resolve(child) is { } value)
            {
                fields.Add(key, value);
            }
        }

        return new ConfigObject(fields, node.Origin, node.IgnoresFallbacks);
    }

    /// <summary>A list: every element resolved; undefined elements are left out.</summary>
    private ConfigList ResolveList(ListNode node)
    {
        var items = new List<ConfigValue>(node.Items.Count);
        foreach (var item in node.Items)
        {
            if (Resolve(item) is { } value)
            {
                items.Add(value);
            }
        }

        return new ConfigList([.. items], node.Origin);
    }

    /// <summary>
    /// A merge stack, from the top: the first defined non-object wins (and hides everything
    /// below); consecutive objects merge, upper fields first.
    /// </summary>
    private ConfigValue? ResolveStack(MergeStackNode node)
    {
        ConfigObject? merged = null;
        for (var i = node.Entries.Count - 1; i >= 0; i--)
        {
            var value = Resolve(node.Entries[i]);
            if (value is null)
            {
                continue;
            }

            if (value is not ConfigObject obj)
            {
                return merged?.IgnoringFallbacks() ?? value;
            }

            merged = merged is null ? obj : ConfigObject.Merge(merged, obj);
        }

        return merged;
    }

    /// <summary>
    /// A substitution: at the include location first (if any), then from the root, then in the
    /// environment; an optional one may end up undefined.
    /// </summary>
    private ConfigValue? ResolveSubstitution(SubstitutionNode node)
    {
        _chain.Add(node);
        try
        {
            if (node.IncludePrefix.Length > 0 && Lookup(_root, [.. node.IncludePrefix, .. node.Path], 0) is { } fixedUp)
            {
                return fixedUp;
            }

            return Lookup(_root, node.Path, 0) ?? FromEnvironment(node);
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>A self-reference: the field's prior value (or the path below it), then the environment.</summary>
    private ConfigValue? ResolveSelfReference(SelfReferenceNode node)
    {
        _chain.Add(node.Substitution);
        try
        {
            var prior = node.Prior is null ? null : Lookup(node.Prior, node.Substitution.Path, node.FieldDepth);
            return prior ?? FromEnvironment(node.Substitution);
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>
    /// An undefined substitution's last chance: an environment variable named like its path
    /// (<c>${?HOME}</c>). Required and missing is an error naming the path and its user.
    /// </summary>
    private ConfigScalar? FromEnvironment(SubstitutionNode node)
    {
        var name = string.Join('.', node.Path);
        if (LookupEnvironment(name) is { } value)
        {
            return new ConfigScalar(ConfigValueType.String, value, new ConfigOrigin($"environment variable {name}", 0, 0));
        }

        if (node.Optional)
        {
            return null;
        }

        var hint = node.Path.Length == 1 ? $", nor is there an environment variable {name}" : string.Empty;
        throw new ConfigurationException(
            $"{node.Origin}: could not resolve substitution {node.Display} used by '{node.UsedBy}': no such setting{hint} (write ${{?{ConfigPath.Render(node.Path)}}} if it may be missing)",
            node.Origin,
            node.UsedBy);
    }

    /// <summary>Asks the environment; a name the platform cannot look up (an embedded NUL, say) is simply undefined.</summary>
    private string? LookupEnvironment(string name)
    {
        try
        {
            return _environment(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Explains a cycle with the substitutions involved.</summary>
    private ConfigurationException CycleError(Node node)
    {
        var chain = _chain.Count == 0 ? string.Empty : ": " + string.Join(" -> ", _chain.Select(s => $"{s.Display} (used by '{s.UsedBy}')"));
        var origin = _chain.Count > 0 ? _chain[^1].Origin : node.Origin;
        return new ConfigurationException($"{origin}: substitution cycle{chain}", origin, _chain.Count > 0 ? _chain[^1].UsedBy : null);
    }
}
