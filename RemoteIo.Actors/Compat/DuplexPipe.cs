using System.IO.Pipelines;

namespace RemoteIo.Actors.Compat;

/// <summary>The two directions of one connection, as the protocol engines consume them.</summary>
/// <param name="Input">Bytes from the client.</param>
/// <param name="Output">Bytes to the client.</param>
internal sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
