namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>One framed request: parsed, or the reason it cannot be (the reply text after <c>"? "</c>).</summary>
/// <param name="Request">The request, when <paramref name="Error"/> is null.</param>
/// <param name="Error">Why the request is refused, e.g. "malformed request: pin must be a whole number ≥ 0, not 'x'".</param>
internal readonly record struct RemoteioParseResult(RemoteioRequest Request, string? Error)
{
    /// <summary>A refused request.</summary>
    /// <param name="error">The reason.</param>
    public static RemoteioParseResult Fail(string error) => new(default, error);
}
