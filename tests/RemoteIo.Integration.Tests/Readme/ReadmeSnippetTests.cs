namespace RemoteIo.Integration.Tests.Readme;

/// <summary>The README shows <see cref="SimulationExampleTests"/> as its TestKit example: the two must not drift apart.</summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void ReadmeSimulationExample_IsTheTestsCode_LineForLine()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var source = File.ReadAllLines(Path.Combine(root, "tests", "RemoteIo.Integration.Tests", "Readme", "SimulationExampleTests.cs"));

        var start = Array.FindIndex(readme, line => line.Contains("class SimulationExampleTests", StringComparison.Ordinal));
        Assert.True(start > 0, "README.md no longer shows the SimulationExampleTests class");
        var end = Array.FindIndex(readme, start, line => line.StartsWith("```", StringComparison.Ordinal));
        var shown = readme[start..end];

        var classStart = Array.FindIndex(source, line => line.Contains("class SimulationExampleTests", StringComparison.Ordinal));
        Assert.Equal(source[classStart..].Where(line => line.Length > 0).ToArray(), shown.Where(line => line.Length > 0).ToArray());
    }

    /// <summary>The checkout this test was built from: the nearest directory above the binaries that holds RemoteIo.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RemoteIo.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no RemoteIo.sln above {AppContext.BaseDirectory}: run the tests from a checkout");
    }
}
