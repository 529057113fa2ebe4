using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ActorSelectionTests : ActorTestKit
{
    [Fact]
    public void ActorSelection_AbsolutePath_Delivers()
    {
        var parent = ActorOf(Props.Create(() => new ParentActor(Props.Create<EchoActor>(), "b", null)), "a");
        parent.Tell("child?", TestActor);
        var child = ExpectMsg<IActorRef>();

        Sys.ActorSelection("/user/a/b").Tell("hi", TestActor);

        ExpectMsg("hi");
        Assert.Equal(child, LastSender);
        Assert.Equal("/user/a/b", child.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void ActorSelection_RelativeToActor_ReachesSibling()
    {
        ActorOf(Props.Create<EchoActor>(), "sibling");
        var asker = ActorOf(Props.Create(() => new SelectAndTell("../sibling")), "asker");

        asker.Tell("hello", TestActor);

        ExpectMsg("hello");
        Assert.Equal("sibling", LastSender.Path.Name);
    }

    [Fact]
    public void ActorSelection_Wildcard_DeliversToEveryMatch()
    {
        foreach (var name in new[] { "pin-1", "pin-2", "other" })
        {
            ActorOf(Props.Create<EchoActor>(), name);
        }

        Sys.ActorSelection("/user/pin-*").Tell("x", TestActor);

        ReceiveN(2);
        ExpectNoMsg();
    }

    [Fact]
    public async Task ResolveOne_Existing_ReturnsTheReference()
    {
        var actor = ActorOf(Props.Create<EchoActor>(), "target");

        Assert.Equal(actor, await Sys.ActorSelection("remoteio://" + Sys.Name + "/user/target").ResolveOne(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ResolveOne_Missing_ThrowsActorNotFound()
    {
        var e = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/nobody-here").ResolveOne(TimeSpan.FromSeconds(5)));

        Assert.Contains("/user/nobody-here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tell_NoMatch_DeadLetter()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));

        Sys.ActorSelection("/user/missing").Tell("lost", TestActor);

        Assert.Equal("lost", letters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void ResolveActorRef_LocalPathText_FindsActor()
    {
        var actor = ActorOf(Props.Create<EchoActor>(), "named");

        Assert.Equal(actor, Sys.ResolveActorRef("/user/named"));
        Assert.Equal(actor, Sys.ResolveActorRef(actor.Path));
        Assert.Equal(Sys.DeadLetters, Sys.ResolveActorRef("/deadLetters"));
    }

    private sealed class SelectAndTell : ReceiveActor
    {
        public SelectAndTell(string path) => ReceiveAny(m => Context.ActorSelection(path).Tell(m, Sender));
    }
}
