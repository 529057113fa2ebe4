using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>The container's implementation of <see cref="IRequiredActor{TKey}"/>: a view on the registry.</summary>
/// <typeparam name="TKey">The registry key.</typeparam>
/// <param name="registry">The host's registry.</param>
internal sealed class RequiredActor<TKey>(ActorRegistry registry) : IRequiredActor<TKey>
{
    /// <inheritdoc />
    public IActorRef ActorRef => registry.Get<TKey>();

    /// <inheritdoc />
    public Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) => registry.GetAsync<TKey>(cancellationToken);
}
