namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// State shared by every parser working on one merged document: the document root, the objects
/// being read right now (for self-references), and the chain of files being included (for
/// cycle detection).
/// </summary>
internal sealed class ParseContext
{
    /// <summary>Deepest include chain accepted; a resolver producing ever-new names cannot recurse forever.</summary>
    public const int MaxIncludeDepth = 32;

    /// <summary>Creates a context for a document whose root is <paramref name="root"/>.</summary>
    /// <param name="root">The object every document layer merges into.</param>
    /// <param name="options">Include resolution and environment lookup.</param>
    public ParseContext(ObjectNode root, ConfigParseOptions options)
    {
        Root = root;
        Options = options;
        Frames.Add(new Frame(root, []));
    }

    /// <summary>The object every document layer merges into.</summary>
    public ObjectNode Root { get; }

    /// <summary>Include resolution and environment lookup.</summary>
    public ConfigParseOptions Options { get; }

    /// <summary>
    /// The objects being read, outermost first, each with its absolute path (null inside lists,
    /// where fields have no path). Their fields parsed so far are "the value before" for a self-reference.
    /// </summary>
    public List<Frame> Frames { get; } = [];

    /// <summary>Identities (full paths) of the files being included, outermost first.</summary>
    public List<string> IncludeChain { get; } = [];

    /// <summary>An object being read and its absolute path.</summary>
    /// <param name="Node">The object.</param>
    /// <param name="Path">Its absolute path, or null when it has none (inside a list).</param>
    internal readonly record struct Frame(ObjectNode Node, string[]? Path);
}
