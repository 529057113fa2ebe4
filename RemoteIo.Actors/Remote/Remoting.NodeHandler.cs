using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Links;

namespace RemoteIo.Actors.Remote;

/// <summary>How the link layer's reports become actor-system behaviour.</summary>
public sealed partial class Remoting
{
    /// <summary>Receives the link layer's reports for the extension.</summary>
    /// <param name="remoting">The extension.</param>
    private sealed class NodeHandler(Remoting remoting) : IRemoteNodeHandler
    {
        /// <inheritdoc />
        public void OnAssociated(Association association, bool resumed)
        {
            var endpoint = remoting.EndpointOf(association);
            remoting._byAddress[endpoint.RemoteAddress] = association;
            if (association.TargetEndPoint is { } target && remoting._dialed.TryGetValue(target, out var alias))
            {
                remoting._byAddress[alias] = association;
            }

            remoting.System.EventStream.Publish(new AssociatedEvent(association.Info, resumed));
        }

        /// <inheritdoc />
        public void OnLinkLost(Association association, LinkCloseInfo info) =>
            remoting.System.EventStream.Publish(new AssociationLostEvent(association.Info, info.ToString()));

        /// <inheritdoc />
        public void OnTerminated(Association association, string reason)
        {
            remoting.EndpointOf(association).OnTerminated();
            foreach (var (address, current) in remoting._byAddress)
            {
                if (ReferenceEquals(current, association))
                {
                    remoting._byAddress.TryRemove(new KeyValuePair<Address, Association>(address, association));
                }
            }

            remoting.System.EventStream.Publish(new AssociationTerminatedEvent(association.Info, reason));
        }

        /// <inheritdoc />
        public void OnDelivery(Association association, in InboundDelivery delivery)
        {
            if (remoting.EndpointOf(association).Deliver(delivery) is { } error)
            {
                remoting._node?.Reject(association, delivery, DeliveryRejectReason.InvalidRecipient, error);
            }
        }

        /// <inheritdoc />
        public void OnDeliveryRejected(Association association, DeliveryRejected rejected)
        {
            var endpoint = remoting.EndpointOf(association);
            var recipient = endpoint.RemoteAddress + rejected.Recipient;
            var local = remoting.System.Address;
            var sender = rejected.Sender.StartsWith('/') && ActorPath.TryParse(local + rejected.Sender, out var path)
                ? remoting.System.ResolveLocalActorRef(path!)
                : null;
            var reason = $"rejected by {endpoint.RemoteAddress}: {rejected.Reason} {rejected.Message}";
            remoting.System.EventStream.Publish(new RemoteDeliveryFailed(recipient, rejected.TypeName, sender?.Path.ToString(), reason));
            // The receiver refused the message outright (an error reply, not a transport condition):
            // the sending actor is told, whether it asked or told.
            sender?.Tell(new Status.Failure(new RemoteDeliveryException($"{rejected.TypeName} to {recipient} was {reason}")), endpoint.NoSender);
        }

        /// <inheritdoc />
        public void OnDeathWatch(Association association, Frame frame)
        {
            var endpoint = remoting.EndpointOf(association);
            switch (frame.KindCase)
            {
                case Frame.KindOneofCase.WatchRequest:
                    endpoint.OnWatchRequest(frame.WatchRequest.Watchee);
                    break;
                case Frame.KindOneofCase.UnwatchRequest:
                    endpoint.OnUnwatchRequest(frame.UnwatchRequest.Watchee);
                    break;
                case Frame.KindOneofCase.WatchTerminated:
                    endpoint.OnWatchTerminated(frame.WatchTerminated.Watchee, frame.WatchTerminated.ExistenceConfirmed);
                    break;
            }
        }

        /// <inheritdoc />
        public void OnUndeliverable(Association association, in OutboundItem item, string reason) =>
            remoting.EndpointOf(association).Failed(null, item.Message, item.Context as IActorRef, reason, item.Recipient);
    }
}
