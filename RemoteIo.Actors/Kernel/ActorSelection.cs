using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Actors chosen by path from an anchor: absolute (<c>/user/pins/*</c>), relative (<c>../peer</c>)
/// or remote (<c>remoteio://sys@host:port/user/pins</c>). A message told to it is delivered to
/// every actor the path matches at that moment (<c>*</c> and <c>?</c> match within one element,
/// locally); when none matches it becomes a dead letter, and an <see cref="Identify"/> gets an
/// empty <see cref="ActorIdentity"/>. <see cref="ResolveOne"/> turns a selection into a reference.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    /// <summary>The path elements after the anchor.</summary>
    private readonly string[] _elements;

    /// <summary>Whether any element holds a wildcard.</summary>
    private readonly bool _hasWildcards;

    /// <summary>Creates a selection (through <see cref="ActorSystem.ActorSelection(string)"/> or <c>Context.ActorSelection</c>).</summary>
    internal ActorSelection(ActorSystem system, IActorRef anchor, string[] elements)
    {
        System = system;
        Anchor = anchor;
        _elements = elements;
        _hasWildcards = Array.Exists(elements, e => e.AsSpan().IndexOfAny('*', '?') >= 0);
    }

    /// <summary>The actor the path starts from (the root guardian for absolute paths).</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path after the anchor, e.g. <c>/user/pins/*</c>.</summary>
    public string PathString => "/" + string.Join('/', _elements);

    /// <summary>The actor system that made the selection (it resolves non-local paths and receives dead letters).</summary>
    internal ActorSystem System { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            return;
        }

        var delivered = false;
        if (Anchor is LocalActorRef local)
        {
            Deliver(local, 0, message, sender, ref delivered);
        }
        else if (!_hasWildcards)
        {
            System.ResolveActorRef(TargetPath()).Tell(message, sender);
            delivered = true;
        }

        if (delivered)
        {
            return;
        }

        if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, null), Anchor);
        }
        else
        {
            System.DeadLetters.Tell(new DeadLetter(message, sender ?? System.DeadLetters, Anchor), sender);
        }
    }

    /// <summary>Resolves the selection to one actor by sending it an <see cref="Identify"/>.</summary>
    /// <param name="timeout">How long to wait for the answer (on the system's clock).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first actor that answered.</returns>
    /// <exception cref="ActorNotFoundException">No actor matches.</exception>
    /// <exception cref="AskTimeoutException">No answer in time (e.g. an unreachable remote system).</exception>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var identity = await this.Ask<ActorIdentity>(new Identify(null), timeout, cancellationToken);
        return identity.Subject ?? throw new ActorNotFoundException($"No actor matches {this}.");
    }

    /// <summary>Describes the anchor and the path.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"ActorSelection[Anchor({Anchor.Path}), Path({PathString})]";

    /// <summary>Matches <paramref name="name"/> against a pattern with <c>*</c> (any run) and <c>?</c> (one character).</summary>
    internal static bool MatchesWildcard(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern[0] == '*')
            {
                var rest = pattern[1..];
                for (var skip = 0; skip <= name.Length; skip++)
                {
                    if (MatchesWildcard(rest, name[skip..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (name.IsEmpty || (pattern[0] != '?' && pattern[0] != name[0]))
            {
                return false;
            }

            pattern = pattern[1..];
            name = name[1..];
        }

        return name.IsEmpty;
    }

    /// <summary>Walks the local tree from <paramref name="current"/> and tells every match.</summary>
    private void Deliver(LocalActorRef current, int index, object message, IActorRef? sender, ref bool delivered)
    {
        if (index == _elements.Length)
        {
            current.Tell(message, sender);
            delivered = true;
            return;
        }

        var element = _elements[index];
        if (element == "..")
        {
            if (current.Cell.Parent is LocalActorRef parent)
            {
                Deliver(parent, index + 1, message, sender, ref delivered);
            }

            return;
        }

        if (element.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            foreach (var child in current.Cell.GetChildren())
            {
                if (MatchesWildcard(element, child.Path.Name))
                {
                    Deliver((LocalActorRef)child, index + 1, message, sender, ref delivered);
                }
            }

            return;
        }

        if (current.Path.IsRoot && element is "temp" or "deadLetters")
        {
            var target = current.System.ResolveLocalActorRef(current.Path.Descendant(_elements[index..]));
            if (target is not DeadLetterActorRef || element == "deadLetters")
            {
                target.Tell(message, sender);
                delivered = true;
            }

            return;
        }

        if (current.Cell.GetChildByName(element) is { } next)
        {
            Deliver(next, index + 1, message, sender, ref delivered);
        }
    }

    /// <summary>The single path the selection names (no wildcards), for non-local anchors.</summary>
    private ActorPath TargetPath()
    {
        var path = Anchor.Path;
        foreach (var element in _elements)
        {
            path = element == ".." ? path.Parent : path / element;
        }

        return path;
    }
}
