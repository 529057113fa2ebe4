using System.Globalization;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// The relationship between this node and one peer system (one client id and incarnation on a
/// server; one server on a client). It owns the outbound queue and the sequence counters and
/// outlives individual links: a lost link leaves it <see cref="AssociationState.Dormant"/> for the
/// resume grace period, after which (or at once, by default) it terminates for good.
/// </summary>
internal sealed class Association
{
    /// <summary>The node that owns it.</summary>
    private readonly RemoteNode _node;

    /// <summary>Guards the state, the current link and the grace timer.</summary>
    private readonly Lock _gate = new();

    /// <summary>Completes when terminated.</summary>
    private readonly TaskCompletionSource<string> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The link messages flow over now; null while dormant or terminated.</summary>
    private Link? _link;

    /// <summary>The last link that closed, whose writer must stop before another link reads the queue.</summary>
    private Link? _previous;

    /// <summary>Terminates a dormant association when the grace period ends.</summary>
    private ITimer? _graceTimer;

    /// <summary>Deliver.sequence of the last delivery written (only the current writer touches it).</summary>
    private ulong _outboundSequence;

    /// <summary>Deliver.sequence of the last delivery received (only the current reader touches it).</summary>
    private ulong _inboundSequence;

    /// <summary>Deliveries known lost (sequence gaps) so far.</summary>
    private long _lost;

    /// <summary>Creates an association (its first link is attached next).</summary>
    /// <param name="node">The owning node.</param>
    /// <param name="info">Who is at the other end.</param>
    /// <param name="capacity">Outbound queue capacity.</param>
    public Association(RemoteNode node, AssociationInfo info, int capacity)
    {
        _node = node;
        Info = info;
        Queue = new OutboundQueue(capacity);
    }

    /// <summary>Who is at the other end.</summary>
    public AssociationInfo Info { get; }

    /// <summary>The actor layer's state for this association (remote refs, watchers), created on first use.</summary>
    public RemoteEndpoint? Endpoint;

    /// <summary>For an outbound association: the endpoint this node connected to.</summary>
    public System.Net.EndPoint? TargetEndPoint { get; init; }

    /// <summary>Messages waiting to be written.</summary>
    public OutboundQueue Queue { get; }

    /// <summary>Where the association is in its life.</summary>
    public AssociationState State { get; private set; } = AssociationState.Active;

    /// <summary>The current link, or null.</summary>
    public Link? CurrentLink
    {
        get
        {
            lock (_gate)
            {
                return _link;
            }
        }
    }

    /// <summary>Completes with the reason once the association terminated.</summary>
    public Task<string> Terminated => _terminated.Task;

    /// <summary>Deliveries from the peer known lost (sequence gaps).</summary>
    public long DeliveriesLost => Interlocked.Read(ref _lost);

    /// <summary>
    /// Makes <paramref name="link"/> the current link and starts it, after the previous link's
    /// writer has stopped (one reader of the queue at a time). A still-open previous link is
    /// closed as superseded.
    /// </summary>
    /// <param name="link">A new, not yet started link.</param>
    /// <returns>False when the association terminated meanwhile (the link is then closed).</returns>
    public async Task<bool> AttachAsync(Link link)
    {
        Link? superseded = null;
        Link? previous = null;
        bool terminated;
        lock (_gate)
        {
            terminated = State == AssociationState.Terminated;
            if (!terminated)
            {
                superseded = _link;
                previous = _link ?? _previous;
                _link = link;
                State = AssociationState.Active;
                _graceTimer?.Dispose();
                _graceTimer = null;
            }
        }

        if (terminated)
        {
            link.Close(new LinkCloseInfo(DisassociateReason.Shutdown, "the association has terminated", LinkCloseOrigin.Local), notifyPeer: true);
            return false;
        }

        superseded?.Close(new LinkCloseInfo(DisassociateReason.Superseded, "the association resumed on a newer connection", LinkCloseOrigin.Local), notifyPeer: true);
        if (previous is not null)
        {
            await previous.WriterStopped.ConfigureAwait(false);
        }

        link.Start();
        return true;
    }

    /// <summary>Called by a link when it closes: dormant (grace) or terminated.</summary>
    /// <param name="link">The link.</param>
    /// <param name="info">Why it closed.</param>
    public void OnLinkClosed(Link link, LinkCloseInfo info)
    {
        var grace = _node.Settings.ResumeGracePeriod;
        bool dormant;
        lock (_gate)
        {
            if (!ReferenceEquals(_link, link) || State == AssociationState.Terminated)
            {
                return;
            }

            _link = null;
            _previous = link;
            dormant = info.Resumable && grace > TimeSpan.Zero;
            if (dormant)
            {
                State = AssociationState.Dormant;
                _graceTimer = _node.Time.CreateTimer(
                    static state => ((Association)state!).OnGraceExpired(), this, grace, Timeout.InfiniteTimeSpan);
            }
        }

        if (dormant)
        {
            _node.OnLinkLost(this, info);
        }
        else
        {
            Terminate(info.ToString(), reasonToPeer: null);
        }
    }

    /// <summary>
    /// Ends the association for good: closes its link (telling the peer
    /// <paramref name="reasonToPeer"/> when given), refuses further sends, reports what was still
    /// queued as undeliverable, and tells the node. Only the first call counts.
    /// </summary>
    /// <param name="reason">Why, for logs and reports.</param>
    /// <param name="reasonToPeer">The Disassociate reason to send, or null to close without one (the link is already gone).</param>
    public void Terminate(string reason, DisassociateReason? reasonToPeer)
    {
        Link? link;
        Link? writer;
        lock (_gate)
        {
            if (State == AssociationState.Terminated)
            {
                return;
            }

            State = AssociationState.Terminated;
            link = _link;
            writer = _link ?? _previous;
            _link = null;
            _graceTimer?.Dispose();
            _graceTimer = null;
        }

        link?.Close(new LinkCloseInfo(reasonToPeer ?? DisassociateReason.Shutdown, reason, LinkCloseOrigin.Local), notifyPeer: reasonToPeer is not null);
        Queue.Complete();
        _ = DrainAsync(writer, reason);
        _node.OnTerminated(this, reason);
        _terminated.TrySetResult(reason);
    }

    /// <summary>The next Deliver.sequence (called by the current link's writer only).</summary>
    /// <returns>1, 2, 3, ... across links.</returns>
    public ulong NextOutboundSequence() => ++_outboundSequence;

    /// <summary>A Deliver arrived (called by the current link's reader only).</summary>
    /// <param name="deliver">The frame.</param>
    public void OnDeliver(in DeliverFrame deliver)
    {
        var sequence = deliver.Sequence;
        if (sequence != 0)
        {
            var expected = _inboundSequence + 1;
            if (sequence != expected && sequence > expected)
            {
                var lost = (long)(sequence - expected);
                Interlocked.Add(ref _lost, lost);
                _node.Log.Log(
                    RemoteLogLevel.Warning,
                    string.Create(CultureInfo.InvariantCulture, $"{Info}: {lost} deliveries lost with a broken connection (sequence {expected} to {sequence - 1})"));
            }

            _inboundSequence = sequence;
        }

        _node.HandleDeliver(this, deliver);
    }

    /// <summary>The peer rejected one of our deliveries.</summary>
    /// <param name="rejected">Its report.</param>
    public void OnDeliveryRejected(DeliveryRejected rejected) => _node.HandleRejected(this, rejected);

    /// <summary>A remote death-watch frame arrived (WatchRequest, UnwatchRequest or WatchTerminated).</summary>
    /// <param name="frame">The frame.</param>
    public void OnDeathWatch(Frame frame) => _node.HandleDeathWatch(this, frame);

    /// <summary>The writer could not encode a delivery (too large).</summary>
    /// <param name="item">The delivery.</param>
    /// <param name="reason">Why.</param>
    public void OnUnsendable(in OutboundItem item, string reason) => _node.OnUndeliverable(this, item, reason);

    /// <inheritdoc />
    public override string ToString() => Info.ToString();

    /// <summary>Grace period over without a resume.</summary>
    private void OnGraceExpired()
    {
        lock (_gate)
        {
            if (State != AssociationState.Dormant)
            {
                return;
            }
        }

        Terminate(
            string.Create(CultureInfo.InvariantCulture, $"the link was lost and not resumed within the grace period of {_node.Settings.ResumeGracePeriod.TotalMilliseconds:0} ms"),
            reasonToPeer: null);
    }

    /// <summary>Once the last writer stopped, reports every delivery still queued as undeliverable.</summary>
    private async Task DrainAsync(Link? writer, string reason)
    {
        if (writer is not null)
        {
            await writer.WriterStopped.ConfigureAwait(false);
        }

        while (Queue.TryDequeue(out var item))
        {
            if (!item.IsControl)
            {
                _node.OnUndeliverable(this, item, $"the association terminated: {reason}");
            }
        }
    }
}
