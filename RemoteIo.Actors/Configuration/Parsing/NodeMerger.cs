namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// Merges a newly parsed field into an object as HOCON's duplicate-key rule says, and finds
/// "the value before" a definition for self-references.
/// </summary>
internal static class NodeMerger
{
    /// <summary>
    /// Sets <paramref name="path"/> (one or more keys) in <paramref name="target"/> to
    /// <paramref name="value"/>: objects merge into objects, other values replace, and anything
    /// whose kind is unknown until substitutions resolve goes onto a merge stack.
    /// </summary>
    /// <param name="target">The object that receives the field.</param>
    /// <param name="path">The key path relative to <paramref name="target"/>.</param>
    /// <param name="value">The new value.</param>
    /// <param name="keyOrigin">Where the key was written (origin of the objects a dotted key creates).</param>
    public static void Assign(ObjectNode target, IReadOnlyList<string> path, Node value, ConfigOrigin keyOrigin)
    {
        for (var i = path.Count - 1; i > 0; i--)
        {
            var wrapper = new ObjectNode(keyOrigin);
            wrapper.Fields.Add(path[i], value);
            value = wrapper;
        }

        MergeInto(target, path[0], value);
    }

    /// <summary>Merges <paramref name="value"/> into the field <paramref name="key"/> of <paramref name="target"/>.</summary>
    private static void MergeInto(ObjectNode target, string key, Node value)
    {
        if (!target.Fields.TryGetValue(key, out var existing))
        {
            target.Fields[key] = value;
            return;
        }

        if (value is LiteralNode or ListNode)
        {
            // A list or scalar hides whatever was there; nothing below it can ever show through.
            target.Fields[key] = value;
            return;
        }

        if (value is ObjectNode newObject && ObjectToMergeInto(existing) is { } existingObject)
        {
            foreach (var (childKey, childValue) in newObject.Fields)
            {
                MergeInto(existingObject, childKey, childValue);
            }

            return;
        }

        if (value is ObjectNode replacement && existing is LiteralNode or ListNode)
        {
            replacement.IgnoresFallbacks = true;
            target.Fields[key] = value;
            return;
        }

        // Either side is unresolved: keep both, in order, for the resolver to merge.
        if (existing is MergeStackNode stack)
        {
            stack.Entries.Add(value);
        }
        else
        {
            target.Fields[key] = new MergeStackNode([existing, value], value.Origin);
        }
    }

    /// <summary>The literal object a new object can merge into directly: the existing object, or the top of a merge stack.</summary>
    private static ObjectNode? ObjectToMergeInto(Node existing) => existing switch
    {
        ObjectNode o => o,
        MergeStackNode { Entries: [.., ObjectNode top] } => top,
        _ => null,
    };

    /// <summary>
    /// The value the field at <paramref name="fieldPath"/> has before the definition being parsed:
    /// what the enclosing objects read so far hold at that path, frozen so later merges cannot
    /// change it. Null when the document has no earlier value there.
    /// </summary>
    /// <param name="frames">The objects being read, outermost first.</param>
    /// <param name="fieldPath">The field's absolute path.</param>
    /// <returns>The prior value, or null.</returns>
    public static Node? PriorValue(IReadOnlyList<ParseContext.Frame> frames, string[] fieldPath)
    {
        var pieces = new List<Node>();
        foreach (var frame in frames)
        {
            if (frame.Path is { } framePath && IsPrefix(framePath, fieldPath)
                && Find(frame.Node, fieldPath, framePath.Length) is { } piece)
            {
                pieces.Add(piece);
            }
        }

        return pieces.Count switch
        {
            0 => null,
            1 => pieces[0],
            _ => new MergeStackNode(pieces, pieces[^1].Origin),
        };
    }

    /// <summary>
    /// The frozen value at <paramref name="path"/> (from <paramref name="start"/>) inside
    /// <paramref name="node"/>, or null if it is certainly absent. Navigation that needs a
    /// resolved value is deferred with a <see cref="PathLookupNode"/>.
    /// </summary>
    /// <param name="node">Where to start.</param>
    /// <param name="path">The path.</param>
    /// <param name="start">The first path element to follow.</param>
    /// <returns>The frozen value, or null.</returns>
    public static Node? Find(Node node, string[] path, int start)
    {
        var index = start;
        return WalkObjects(node, path, ref index) switch
        {
            null or LiteralNode or ListNode when index < path.Length => null,
            null => null,
            var stop when index < path.Length => new PathLookupNode(stop.Snapshot(), path[index..]),
            var found => found.Snapshot(),
        };
    }

    /// <summary>
    /// Follows <paramref name="path"/> from <paramref name="index"/> through literal objects only
    /// (nothing is resolved), stopping at the end of the path or at the first node that is not a
    /// literal object; <paramref name="index"/> is left at the first element not yet followed.
    /// </summary>
    /// <param name="node">Where to start.</param>
    /// <param name="path">The path.</param>
    /// <param name="index">The next element to follow; updated.</param>
    /// <returns>The node reached, or null when a literal object lacks the key.</returns>
    public static Node? WalkObjects(Node node, string[] path, ref int index)
    {
        while (index < path.Length && node is ObjectNode o)
        {
            if (!o.Fields.TryGetValue(path[index], out var child))
            {
                return null;
            }

            node = child;
            index++;
        }

        return node;
    }

    /// <summary>True if <paramref name="prefix"/> is a prefix of (or equal to) <paramref name="path"/>.</summary>
    /// <param name="prefix">The candidate prefix.</param>
    /// <param name="path">The path.</param>
    /// <returns>Whether every element of the prefix starts the path.</returns>
    public static bool IsPrefix(string[] prefix, string[] path) =>
        prefix.Length <= path.Length && prefix.AsSpan().SequenceEqual(path.AsSpan(0, prefix.Length));
}
