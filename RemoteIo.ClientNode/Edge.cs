namespace RemoteIo.ClientNode;

/// <summary>Which level changes to wait for or observe.</summary>
public enum Edge
{
    /// <summary>Low to high.</summary>
    Rising = 0,

    /// <summary>High to low.</summary>
    Falling = 1,

    /// <summary>Either.</summary>
    Both = 2,
}
