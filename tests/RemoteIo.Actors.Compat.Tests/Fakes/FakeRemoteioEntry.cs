namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>An accepted create or command on the fake remoteio host.</summary>
public sealed record FakeRemoteioEntry(int Session, int Gpio, string Command, TimeSpan Duration, double Arg1, double Arg2);
