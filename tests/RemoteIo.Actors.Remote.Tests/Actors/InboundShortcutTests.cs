using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>Remoting.AddInboundShortcut: a local receiver takes chosen inbound messages on the link's read thread, in link order, instead of its mailbox.</summary>
public sealed class InboundShortcutTests(ITestOutputHelper output) : RemoteSystems(output)
{
    [Fact]
    public async Task InboundShortcut_TakesSomeMessages_ThoseSkipTheMailboxAndTheRestArriveInOrder()
    {
        var (remoting, probe, echo) = await ConnectToEchoAsync();
        var taken = new ConcurrentQueue<ulong>();
        using var shortcut = remoting.AddInboundShortcut(probe.Ref, message => message is Pong { Number: var n } && n % 2 == 0 && Take(taken, n));

        for (var n = 1ul; n <= 11; n++)
        {
            probe.Send(echo, new Ping { Number = n });
        }

        foreach (var odd in new ulong[] { 1, 3, 5, 7, 9, 11 })
        {
            Assert.Equal(odd, probe.ExpectMsg<Pong>().Number);
        }

        // Pong 11 came after pong 10 on the link, so the shortcut has taken every even one by now.
        Assert.Equal(new ulong[] { 2, 4, 6, 8, 10 }, taken.ToArray());
    }

    [Fact]
    public async Task InboundShortcut_Disposed_MessagesReachTheActorAgain()
    {
        var (remoting, probe, echo) = await ConnectToEchoAsync();
        var taken = new ConcurrentQueue<ulong>();
        var shortcut = remoting.AddInboundShortcut(probe.Ref, message => message is Pong { Number: var n } && Take(taken, n));
        probe.Send(echo, new Ping { Number = 1 });
        await EventuallyAsync(() => !taken.IsEmpty, "the shortcut took pong 1");

        shortcut.Dispose();
        probe.Send(echo, new Ping { Number = 2 });

        Assert.Equal(2ul, probe.ExpectMsg<Pong>().Number);
        Assert.Equal(new ulong[] { 1 }, taken.ToArray());
    }

    [Fact]
    public void AddInboundShortcut_SecondForTheSameActor_Throws()
    {
        var (client, remoting) = NewSystem("client");
        var probe = new TestProbe(client);
        using var first = remoting.AddInboundShortcut(probe.Ref, _ => false);

        var error = Assert.Throws<InvalidOperationException>(() => remoting.AddInboundShortcut(probe.Ref, _ => true));

        Assert.Contains("already has an inbound shortcut", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A TCP host with an echo actor, and a connected client's remoting, probe and reference to the echo.</summary>
    private async Task<(Remoting Remoting, TestProbe Probe, IActorRef Echo)> ConnectToEchoAsync()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        return (remoting, new TestProbe(client), Resolve(client, address, "/user/echo"));
    }

    /// <summary>Records a taken message; true (taken).</summary>
    private static bool Take(ConcurrentQueue<ulong> taken, ulong number)
    {
        taken.Enqueue(number);
        return true;
    }
}
