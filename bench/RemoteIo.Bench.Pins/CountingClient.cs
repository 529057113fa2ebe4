using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>A client actor that only counts what it gets (claims, final outcomes, edges).</summary>
public sealed class CountingClient : ReceiveActor
{
    /// <summary>Creates the client.</summary>
    /// <param name="counter">Where it counts.</param>
    public CountingClient(OutcomeCounter counter)
    {
        Receive<PinClaimed>(_ => counter.OnClaimed());
        Receive<CommandOutcome>(o =>
        {
            if (o.Kind != OutcomeKind.Accepted)
            {
                counter.Finals?.Enqueue(o);
                counter.OnFinished(o.Kind == OutcomeKind.Rejected);
            }
        });
        Receive<PinEdge>(_ => counter.OnEdge());
        ReceiveAny(_ => { });
    }
}
