namespace RemoteIo.Actors.Remote;

/// <summary>Where an association is in its life.</summary>
public enum AssociationState
{
    /// <summary>A link is up; messages flow.</summary>
    Active,

    /// <summary>The link was lost; within the resume grace period the same client may come back (messages queue meanwhile).</summary>
    Dormant,

    /// <summary>Over: watchers of its remote actors were told they terminated; nothing more is sent.</summary>
    Terminated,
}
