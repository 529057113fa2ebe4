using System.Text;

namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>
/// Garbage in, a clear error out: random bytes and random mutations of valid documents either
/// parse or fail with a <see cref="ConfigurationException"/>, never another exception, a crash or
/// a hang. Seeds are fixed, so a failure is reproducible from the seed in its message.
/// </summary>
public sealed class FuzzTests
{
    private const string Interesting = "{}[]$\"=:,+#/\n\r\t .?-\\()\0\u00A0";

    private static readonly ConfigParseOptions Options = ConfigParseOptions.Default.WithEnvironment(_ => null);

    private const string Sample = """"
        remoteio {
          remote { port = 8509, host = "0.0.0.0", tags = [a, b], url = "tcp://"${remoteio.remote.host}":"${remoteio.remote.port} }
          timing = 100ms
          list = [1, 2]
          list += 3
          path = /bin
          path = ${path}":/usr/bin"
          text = """multi
        line"""
          opt = ${?NOT_SET}
          merged = ${remoteio.remote} { port = 1 }
        }
        a.b.c = 1 // comment
        # comment
        include "missing.conf"
        """";

    private static void ParseOrReject(string text, string what)
    {
        try
        {
            var config = ConfigurationFactory.ParseString(text, Options);
            var rendered = config.ToString();
            var reparsed = ConfigurationFactory.ParseString(rendered, Options);
            Assert.True(rendered == reparsed.ToString(), $"{what}: rendering does not round-trip\n{rendered}");
            _ = config.AsEnumerable().Count();
        }
        catch (ConfigurationException)
        {
            // A clear error is the expected outcome for most garbage.
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}\ninput: {Escape(text)}\n{ex.StackTrace}");
        }
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and < (char)127 ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return builder.ToString();
    }

    [Fact(Timeout = 120_000)]
    public async Task ParseString_RandomBytes_ParsesOrThrowsConfigurationException()
    {
        await Task.Run(() =>
        {
            for (var seed = 0; seed < 1500; seed++)
            {
                var random = new Random(seed);
                var bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                ParseOrReject(Encoding.UTF8.GetString(bytes), $"random bytes, seed {seed}");
            }
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task ParseString_RandomTokens_ParsesOrThrowsConfigurationException()
    {
        string[] pieces = ["a", "b.c", "\"q\"", "1", "1.5", "true", "null", "{", "}", "[", "]", "=", ":", "+=", ",", "\n", " ", "${a}", "${?b.c}", "${a.b}", "\"\"\"x\"\"\"", "include \"x\"", "include required(\"x\")", "#c\n", "//c\n", "10ms", "-"];
        await Task.Run(() =>
        {
            for (var seed = 0; seed < 3000; seed++)
            {
                var random = new Random(seed);
                var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
                ParseOrReject(text, $"random tokens, seed {seed}");
            }
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task ParseString_MutatedValidDocuments_ParsesOrThrowsConfigurationException()
    {
        var documents = ValidDocumentTests.Documents.Select(row => (string)row[0]).Append(Sample).ToArray();
        await Task.Run(() =>
        {
            for (var seed = 0; seed < 3000; seed++)
            {
                var random = new Random(seed);
                var text = new StringBuilder(documents[random.Next(documents.Length)]);
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    Mutate(text, random);
                }

                ParseOrReject(text.ToString(), $"mutated document, seed {seed}");
            }
        });
    }

    [Theory]
    [InlineData(100_000, "{")]
    [InlineData(100_000, "[")]
    [InlineData(100_000, "a.")]
    [InlineData(20_000, "a = ${a}")]
    [InlineData(100_000, "\"")]
    [InlineData(100_000, "$")]
    public void ParseString_PathologicalRepetition_FailsCleanlyWithoutStackOverflow(int count, string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, count)) + "x = 1";

        ParseOrReject(text, $"{count} x {unit}");
    }

    [Fact]
    public void Resolve_LongSubstitutionChain_FailsCleanly()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"a{i} = ${{a{i + 1}}}")) + "\na5000 = end";

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString(text, Options));

        Assert.EndsWith("values and substitutions are nested more than 400 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ExponentialStringDoubling_FailsCleanly()
    {
        var text = "s0 = xxxxxxxxxxxxxxxx\n" + string.Join('\n', Enumerable.Range(0, 40).Select(i => $"s{i + 1} = ${{s{i}}}${{s{i}}}"));

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString(text, Options));

        Assert.Contains("a concatenated string would be longer than", error.Message, StringComparison.Ordinal);
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        switch (random.Next(4))
        {
            case 0 when text.Length > 0:
                text.Remove(at, 1);
                break;
            case 1:
                text.Insert(at, Interesting[random.Next(Interesting.Length)]);
                break;
            case 2 when text.Length > 0:
                var length = random.Next(1, Math.Min(20, text.Length - at) + 1);
                text.Insert(random.Next(text.Length), text.ToString(at, length));
                break;
            default:
                if (text.Length > 0)
                {
                    text[at] = Interesting[random.Next(Interesting.Length)];
                }

                break;
        }
    }
}
