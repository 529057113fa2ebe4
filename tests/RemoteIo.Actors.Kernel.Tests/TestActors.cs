namespace RemoteIo.Actors.Kernel.Tests;

/// <summary>Helpers shared by the kernel tests.</summary>
public static class TestActorExtensions
{
    /// <summary>Tells the messages in order, all with the same sender.</summary>
    public static void TellAll(this IActorRef target, IActorRef sender, params object[] messages)
    {
        foreach (var message in messages)
        {
            target.Tell(message, sender);
        }
    }
}

/// <summary>Replies to every message with the same message.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message (and lifecycle events) to a probe.</summary>
public sealed class ReportingActor : ReceiveActor
{
    public ReportingActor(IActorRef probe, string name = "actor")
    {
        Probe = probe;
        Name = name;
        ReceiveAny(m => probe.Tell(m, Sender));
    }

    public IActorRef Probe { get; }

    public string Name { get; }

    protected override void PreStart() => Probe.Tell($"{Name}:prestart", Self);

    protected override void PostStop() => Probe.Tell($"{Name}:poststop", Self);
}

/// <summary>Creates a child from the given props on start; forwards other messages to the child.</summary>
public sealed class ParentActor : ReceiveActor
{
    public ParentActor(Props childProps, string childName, SupervisorStrategy? strategy = null)
    {
        Strategy = strategy;
        ChildProps = childProps;
        ChildName = childName;
        Receive<string>(s => s == "child?", _ => Sender.Tell(Context.Child(ChildName), Self));
        ReceiveAny(m => Context.Child(ChildName).Forward(m));
    }

    public SupervisorStrategy? Strategy { get; }

    public Props ChildProps { get; }

    public string ChildName { get; }

    protected override void PreStart() => Context.ActorOf(ChildProps, ChildName);

    protected override SupervisorStrategy SupervisorStrategy() => Strategy ?? base.SupervisorStrategy();
}

/// <summary>Holds its dispatcher's thread: on any message it signals <c>entered</c> and waits (at most 10 s) for <c>gate</c>.</summary>
public sealed class Blocker : ReceiveActor
{
    public Blocker(ManualResetEventSlim entered, ManualResetEventSlim gate) => ReceiveAny(_ =>
    {
        entered.Set();
        gate.Wait(TimeSpan.FromSeconds(10));
    });
}
