using System.Buffers;
using Google.Protobuf;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote.Tests.Messages;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Protocol;

/// <summary>Types by protobuf full name: only what was registered is ever decoded.</summary>
public sealed class MessageRegistryTests
{
    [Fact]
    public void CreateDefault_HoldsEveryPinsMessage()
    {
        var registry = MessageRegistry.CreateDefault();

        Assert.True(registry.TryGetDescriptor("remoteio.pins.v1.PinCommand", out var command));
        Assert.Equal(typeof(PinCommand), command.ClrType);
        Assert.True(registry.TryGetDescriptor("remoteio.pins.v1.PinNotice", out _));
        Assert.True(registry.IsRegistered(typeof(ClaimPin)));
        Assert.False(registry.TryGetDescriptor("remoteio.remote.v1.Frame", out _));
    }

    [Fact]
    public void Parse_RegisteredType_DecodesIt()
    {
        var registry = new MessageRegistry().Register(Ping.Descriptor);
        var bytes = new Ping { Number = 42, Text = "on" }.ToByteArray();

        var message = registry.Parse("remoteio.tests.v1.Ping", new ReadOnlySequence<byte>(bytes));

        Assert.Equal(new Ping { Number = 42, Text = "on" }, message);
    }

    [Fact]
    public void Parse_UnknownName_ClearErrorAndNothingDecoded()
    {
        var registry = new MessageRegistry().Register(Ping.Descriptor);

        var error = Assert.Throws<UnknownMessageTypeException>(() => registry.Parse("System.Diagnostics.Process", ReadOnlySequence<byte>.Empty));

        Assert.Equal("System.Diagnostics.Process", error.TypeName);
        Assert.Contains("not registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterAssembly_FindsGeneratedMessages_AndTypeNamesAreCachedAsUtf8()
    {
        var registry = new MessageRegistry().RegisterAssembly(typeof(Ping).Assembly);

        Assert.True(registry.IsRegistered(typeof(Unregistered)));
        Assert.True(registry.TryGetTypeName(typeof(Pong), out var name));
        Assert.Equal("remoteio.tests.v1.Pong"u8.ToArray(), name.ToArray());
    }

    [Fact]
    public void Register_SameTypeTwice_Harmless()
    {
        var registry = new MessageRegistry().Register(Ping.Descriptor).Register(TestMessagesReflection.Descriptor);

        Assert.Equal(4, registry.Count);
    }
}
