namespace RemoteIo.Actors.Configuration.Parsing;

/// <summary>
/// A substitution inside the value of the very setting it names (<c>path = ${path} ":/usr/bin"</c>,
/// <c>list += 4</c>): it means the value the setting had before this definition, so it is
/// bound at parse time to a frozen copy of that value instead of being looked up at the end.
/// </summary>
/// <param name="substitution">The substitution, its path already fixed up to the include location.</param>
/// <param name="fieldDepth">How many elements of the path name the field itself; the rest is looked up inside the prior value.</param>
/// <param name="prior">The field's value before this definition, or null if it had none in the document.</param>
internal sealed class SelfReferenceNode(SubstitutionNode substitution, int fieldDepth, Node? prior) : Node(substitution.Origin)
{
    /// <summary>The substitution (its path is absolute).</summary>
    public SubstitutionNode Substitution { get; } = substitution;

    /// <summary>How many elements of the path name the field itself.</summary>
    public int FieldDepth { get; } = fieldDepth;

    /// <summary>The field's value before this definition, or null if it had none.</summary>
    public Node? Prior { get; } = prior;
}
