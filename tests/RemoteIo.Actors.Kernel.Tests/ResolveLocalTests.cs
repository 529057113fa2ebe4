using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

/// <summary>
/// <see cref="ActorSystem.ResolveLocalActorRef"/>: what the remote layer calls for every inbound
/// message. It must find what the old element-list walk found, and cost no allocation.
/// </summary>
public sealed class ResolveLocalTests : ActorTestKit
{
    [Fact]
    public void ResolveLocal_ExistingNestedActor_AllocatesNothingAfterWarmUp()
    {
        var parent = ActorOf(Props.Create(() => new ParentActor("leaf")), "outer");
        parent.Tell("path?", TestActor);
        var leaf = ExpectMsg<ActorPath>();

        // Another address, as inbound remote messages name this system, and without the uid.
        var inbound = ActorPath.Parse("remoteio://" + Sys.Name + "@10.1.2.3:8509/user/outer/leaf");
        var expected = Sys.ResolveLocalActorRef(leaf);
        Assert.Equal(expected, Sys.ResolveLocalActorRef(inbound));
        for (var i = 0; i < 1000; i++)
        {
            Sys.ResolveLocalActorRef(inbound);
            Sys.ResolveLocalActorRef(leaf);
        }

        const int resolves = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < resolves; i++)
        {
            Sys.ResolveLocalActorRef(inbound);
            Sys.ResolveLocalActorRef(leaf);
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(bytes == 0, $"{bytes} bytes for {2 * resolves} resolves ({(double)bytes / (2 * resolves):0.##} per resolve); expected none");
    }

    [Fact]
    public void ResolveLocal_TempAndDeadLettersAndRoot_AllocateNothing()
    {
        var root = ActorPath.RootOf(Sys.Address);
        var deadLetters = root / "deadLetters";
        Assert.Equal(Sys.DeadLetters, Sys.ResolveLocalActorRef(deadLetters));
        Assert.Equal("/", Sys.ResolveLocalActorRef(root).Path.Name);
        for (var i = 0; i < 1000; i++)
        {
            Sys.ResolveLocalActorRef(deadLetters);
            Sys.ResolveLocalActorRef(root);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Sys.ResolveLocalActorRef(deadLetters);
            Sys.ResolveLocalActorRef(root);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task ResolveLocal_AskTempPath_FindsTheLiveTempReference()
    {
        var echo = ActorOf(Props.Create(() => new ReplyViaResolvedPath()), "resolver");

        Assert.Equal("via path", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ResolveLocal_MissingChildOrWrongUid_DeadLetterRefForThatPath()
    {
        var actor = ActorOf(Props.Create(() => new ParentActor("leaf")), "present");
        var missing = actor.Path / "absent";
        var wrongUid = actor.Path.WithUid(actor.Path.Uid + 1);
        var tempMissing = ActorPath.RootOf(Sys.Address) / "temp" / "$999999";

        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        foreach (var path in new[] { missing, wrongUid, tempMissing })
        {
            var reference = Sys.ResolveLocalActorRef(path);
            reference.Tell("lost", TestActor);
            Assert.Equal(path, reference.Path);
            Assert.Equal(reference, letters.ExpectMsg<DeadLetter>().Recipient);
        }
    }

    [Fact]
    public void ResolveLocal_PathFarDeeperThanTheTree_AnsweredWithoutRecursion()
    {
        var path = ActorPath.RootOf(Sys.Address) / "user";
        for (var i = 0; i < 200_000; i++)
        {
            path = path.Child("x");
        }

        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));

        var reference = Sys.ResolveLocalActorRef(path);
        reference.Tell("lost", TestActor);

        Assert.Same(path, reference.Path);
        Assert.Equal("/user" + string.Concat(Enumerable.Repeat("/x", 200_000)), path.ToStringWithoutAddress());
        Assert.Equal(reference, letters.ExpectMsg<DeadLetter>().Recipient);
    }

    /// <summary>Creates one child and tells its path when asked.</summary>
    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor(string child)
        {
            var leaf = Context.ActorOf(Props.Create(() => new ParentActor.Leaf()), child);
            Receive<string>(_ => Sender.Tell(leaf.Path, Self));
        }

        private sealed class Leaf : ReceiveActor
        {
        }
    }

    /// <summary>Replies through the reference resolved from the asker's (temp) path.</summary>
    private sealed class ReplyViaResolvedPath : ReceiveActor
    {
        public ReplyViaResolvedPath() => ReceiveAny(_ => Context.System.ResolveLocalActorRef(Sender.Path).Tell("via path", Self));
    }
}
