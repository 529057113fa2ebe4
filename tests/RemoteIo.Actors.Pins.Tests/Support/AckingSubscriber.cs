using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>A subscriber that keeps up: it acknowledges every edge as it consumes it, and hands everything to a probe.</summary>
public sealed class AckingSubscriber : ReceiveActor
{
    public AckingSubscriber(IActorRef pins, IActorRef probe)
    {
        Receive<PinEdge>(edge =>
        {
            probe.Tell(edge, Self);
            pins.Tell(new AckEvents { Gpio = edge.Gpio, Sequence = edge.Sequence }, Self);
        });
        ReceiveAny(message => probe.Tell(message, Self));
    }

    public static Props Props(IActorRef pins, IActorRef probe) => Kernel.Props.Create(() => new AckingSubscriber(pins, probe));
}
