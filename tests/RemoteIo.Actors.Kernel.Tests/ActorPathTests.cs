using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ActorPathTests
{
    [Theory]
    [InlineData("remoteio://sys/user/a", "remoteio", "sys", null, null, "/user/a", 0L)]
    [InlineData("remoteio://pins@10.0.0.2:8509/user/pins/g17#42", "remoteio", "pins", "10.0.0.2", 8509, "/user/pins/g17", 42L)]
    [InlineData("remoteio://host@[::1]:9000/system/$a", "remoteio", "host", "::1", 9000, "/system/$a", 0L)]
    [InlineData("remoteio://sys", "remoteio", "sys", null, null, "/", 0L)]
    public void Parse_ValidPath_ReadsEveryPart(string text, string protocol, string system, string? host, int? port, string elements, long uid)
    {
        var path = ActorPath.Parse(text);

        Assert.Equal(new Address(protocol, system, host, port), path.Address);
        Assert.Equal(elements, path.ToStringWithoutAddress());
        Assert.Equal(uid, path.Uid);
        Assert.Equal(text.EndsWith("sys", StringComparison.Ordinal) ? text + "/" : text, path.ToSerializationFormat());
    }

    [Theory]
    [InlineData("user/a", "expected 'protocol://system'")]
    [InlineData("remoteio://bad name/user", "system name 'bad name'")]
    [InlineData("remoteio://sys@host/user", "expected 'host:port'")]
    [InlineData("remoteio://sys@host:99999/user", "not a number from 0 to 65535")]
    [InlineData("remoteio://sys/user/a b", "'a b' is not a valid path element")]
    [InlineData("remoteio://sys/user/a#x", "uid after '#' must be an integer")]
    public void Parse_InvalidPath_FormatExceptionSaysWhy(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ActorPath.Parse(text));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(ActorPath.TryParse(text, out _));
    }

    [Fact]
    public void Equals_SameElementsDifferentUid_EqualPathsWithEqualHashes()
    {
        var a = ActorPath.Parse("remoteio://sys/user/a#1");
        var b = ActorPath.Parse("remoteio://sys/user/a#2");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ActorPath.Parse("remoteio://other/user/a"));
    }

    [Fact]
    public void ChildAndParent_BuildAndWalkTheHierarchy()
    {
        var root = ActorPath.RootOf(Address.Local("sys"));

        var child = root / "user" / "pins";

        Assert.Equal(["user", "pins"], child.Elements);
        Assert.Equal(root / "user", child.Parent);
        Assert.Equal(root, child.Root);
        Assert.Same(root, root.Parent);
        Assert.Equal("remoteio://sys@h:1/user/pins", child.ToStringWithAddress(new Address("remoteio", "sys", "h", 1)));
        Assert.Throws<ArgumentException>(() => child / "a/b");
    }

    [Fact]
    public void Address_ToString_RoundTrips()
    {
        var remote = new Address("remoteio", "sys", "example.org", 8509);

        Assert.Equal("remoteio://sys@example.org:8509", remote.ToString());
        Assert.Equal(remote, Address.Parse(remote.ToString()));
        Assert.True(remote.HasGlobalScope);
        Assert.True(Address.Local("sys").HasLocalScope);
    }
}
