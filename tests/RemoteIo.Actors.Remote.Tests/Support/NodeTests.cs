using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Base of link-layer test classes: creates <see cref="TestNode"/>s and disposes them after each test.</summary>
/// <param name="output">Where node logs go (null: nowhere).</param>
public abstract class NodeTests(ITestOutputHelper? output) : IAsyncLifetime
{
    /// <summary>Nodes to dispose after the test.</summary>
    private readonly List<TestNode> _nodes = [];

    /// <summary>Where node logs go.</summary>
    protected ITestOutputHelper? Output => output;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>A node disposed after the test; <paramref name="logged"/> false keeps its log out of the test output.</summary>
    private protected TestNode Node(string name, RemoteSettings settings, TimeProvider? time = null, string? clientId = null, ulong? incarnation = null, bool logged = true)
    {
        var node = new TestNode(name, settings, time, logged ? output : null, clientId, incarnation);
        _nodes.Add(node);
        return node;
    }
}
