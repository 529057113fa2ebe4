namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>
/// A table of valid documents and what they read as. Values are compared in their rendered HOCON
/// form, which shows the type: strings are quoted, numbers, booleans and null are not.
/// </summary>
public sealed class ValidDocumentTests
{
    public static TheoryData<string, string, string> Documents => new()
    {
        // Separators, objects, dotted keys.
        { "a = 1", "a", "1" },
        { "a : 1", "a", "1" },
        { "a { b = 1 }", "a.b", "1" },
        { "a\n{\n  b = 1\n}", "a.b", "1" },
        { "a.b.c = 1", "a.b.c", "1" },
        { "a.b.c = 1", "a", "{\n  b {\n    c = 1\n  }\n}" },
        { "{ \"a\" : { \"b\" : [1, 2.5, \"x\", true, null] } }", "a.b", "[1, 2.5, \"x\", true, null]" },
        { "a.\"b.c\".d = 1", "a.\"b.c\".d", "1" },
        { "a b c = 1", "\"a b c\"", "1" },
        { "\"\" = 1", "\"\"", "1" },
        { "10.0foo = x", "10.\"0foo\"", "\"x\"" },
        { "true = 1", "\"true\"", "1" },
        { "include = 5", "include", "5" },
        { "foo include = 5", "\"foo include\"", "5" },

        // Comments and separators.
        { "a = 1 # one\nb = 2 // two\n# c = 3", "b", "2" },
        { "# only a comment", "x", "<missing>" },
        { "a = 1, b = 2,", "b", "2" },
        { "a = 1\n\n\nb = 2", "b", "2" },
        { "a {\n b = 1,\n}", "a.b", "1" },
        { "\uFEFFa = 1", "a", "1" },
        { "a = 1\r\nb = 2\r\n", "b", "2" },
        { "a =\n  1", "a", "1" },

        // Strings.
        { "a = \"x\\ty\\n\\u0041\\\\\\\"\"", "a", "\"x\\ty\\nA\\\\\\\"\"" },
        { "a = foo", "a", "\"foo\"" },
        { "a = foo bar", "a", "\"foo bar\"" },
        { "a = foo   bar  ", "a", "\"foo   bar\"" },
        { "a = foo\"bar\"baz", "a", "\"foobarbaz\"" },
        { "a = \"\"\"line1\nline \"2\"\"\"\"", "a", "\"line1\\nline \\\"2\\\"\"" },
        { "a = \"\"\"raw \\n\"\"\"", "a", "\"raw \\\\n\"" },
        { "a = 10.0.0.1", "a", "\"10.0.0.1\"" },
        { "a = /dev/gpiochip0", "a", "\"/dev/gpiochip0\"" },
        { "a = truefoo", "a", "\"truefoo\"" },
        { "a = true foo", "a", "\"true foo\"" },
        { "a = null foo", "a", "\"null foo\"" },
        { "a = 1 2", "a", "\"1 2\"" },

        // Numbers, booleans, null.
        { "a = 42", "a", "42" },
        { "a = -7", "a", "-7" },
        { "a = 1.5e+3", "a", "1.5e+3" },
        { "a = 2E-2", "a", "2E-2" },
        { "a = true", "a", "true" },
        { "a = false", "a", "false" },
        { "a = null", "a", "null" },
        { "a = on", "a", "\"on\"" },

        // Durations and sizes stay strings until read.
        { "a = 100ms", "a", "\"100ms\"" },
        { "a = 5 m", "a", "\"5 m\"" },
        { "a = 1.5h", "a", "\"1.5h\"" },
        { "a = 64KiB", "a", "\"64KiB\"" },

        // Lists.
        { "a = []", "a", "[]" },
        { "a = [1, 2, 3,]", "a", "[1, 2, 3]" },
        { "a = [\n  1\n  2,\n  3\n]", "a", "[1, 2, 3]" },
        { "a = [[1], [2, [3]]]", "a", "[\n  [1]\n  [\n    2\n    [3]\n  ]\n]" },
        { "a = [{ x = 1 }, { y = 2 }]", "a", "[\n  {\n    x = 1\n  }\n  {\n    y = 2\n  }\n]" },
        { "a = [foo bar, baz]", "a", "[\"foo bar\", \"baz\"]" },
        { "a = [1] [2, 3]", "a", "[1, 2, 3]" },

        // Merging.
        { "a { x = 1 }\na { y = 2 }", "a", "{\n  x = 1\n  y = 2\n}" },
        { "a.x = 1\na.y = 2", "a", "{\n  x = 1\n  y = 2\n}" },
        { "a { x = 1 }\na = 5", "a", "5" },
        { "a = 5\na { y = 2 }", "a", "{\n  y = 2\n}" },
        { "a { x = 1 }\na = null\na { y = 2 }", "a", "{\n  y = 2\n}" },
        { "a = [1]\na = [2]", "a", "[2]" },
        { "a { x { p = 1 } }\na { x { q = 2 }, y = 3 }", "a", "{\n  x {\n    p = 1\n    q = 2\n  }\n  y = 3\n}" },
        { "a = 1\na = 2", "a", "2" },

        // Substitutions.
        { "a = 1\nb = ${a}", "b", "1" },
        { "b = ${a}\na = 1", "b", "1" },
        { "a = 1\na = 2\nb = ${a}", "b", "2" },
        { "a { x = 1 }\nb = ${a}", "b.x", "1" },
        { "a = 1\nb = ${?a}", "b", "1" },
        { "b = ${?nope}", "b", "<missing>" },
        { "b = 1\nb = ${?nope}", "b", "1" },
        { "a = [${?nope}, 1]", "a", "[1]" },
        { "a = true\nb = ${a}", "b", "true" },
        { "a = x\nb = ${a}${a}", "b", "\"xx\"" },
        { "a = x\nb = ${a} and ${a}", "b", "\"x and x\"" },
        { "a = 5\nb = ${a}\" apples\"", "b", "\"5 apples\"" },
        { "a = null\nb = ${a} x", "b", "\" x\"" },
        { "b = ${?nope} x", "b", "\" x\"" },
        { "a = [1, 2]\nb = ${a} [3]", "b", "[1, 2, 3]" },
        { "base { x = 1, y = 2 }\nc = ${base} { y = 3 }", "c", "{\n  x = 1\n  y = 3\n}" },
        { "base { x = 1 }\nc = ${base}\nc { z = 3 }", "c", "{\n  x = 1\n  z = 3\n}" },
        { "bar { foo = 42, baz = ${bar.foo} }", "bar.baz", "42" },
        { "a = ${b.c}\nb { c = ${d} }\nd = deep", "a", "\"deep\"" },
        { "a = ${\"x.y\"}\n\"x.y\" = 1", "a", "1" },
        { "a { b = 1 }\nc = ${a.b}\na.b = 2", "c", "2" },

        // Self-references and +=.
        { "path = /bin\npath = ${path}\":/usr/bin\"", "path", "\"/bin:/usr/bin\"" },
        { "a = 1\na = ${a} 2\na = ${a} 3", "a", "\"1 2 3\"" },
        { "a { x = 1 }\na = ${a} { y = 2 }", "a", "{\n  x = 1\n  y = 2\n}" },
        { "foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }", "foo", "{\n  a = 2\n  c = 1\n}" },
        { "a { b = 1 }\na { b = ${a.b} 2 }", "a.b", "\"1 2\"" },
        { "a.b = 1\na.b = ${a.b} 2", "a.b", "\"1 2\"" },
        { "a { b = 1, b = ${a.b} 2 }", "a.b", "\"1 2\"" },
        { "x = 1\na = ${x}\na = ${a} 2", "a", "\"1 2\"" },
        { "a = [1]\na += 2", "a", "[1, 2]" },
        { "a += 1\na += 2", "a", "[1, 2]" },
        { "a { l = [x] }\na { l += y }", "a.l", "[\"x\", \"y\"]" },
        { "a = [1]\na = ${a} [2]\nb = ${a}", "b", "[1, 2]" },
        { "a = ${?a} [1]", "a", "[1]" },
        { "x { b = 0 }\na = ${x}\na { b = ${a.b} 1 }", "a.b", "\"0 1\"" },
        { "x { b = 0 }\na = ${x}\na.c = ${a.b}", "a", "{\n  b = 0\n  c = 0\n}" },
        { "l = [1]\nl = ${l} ${l}", "l", "[1, 1]" },
        { "a = [1]\nb = [${a}, ${a}]", "b", "[\n  [1]\n  [1]\n]" },
        { "a = 1\nb = \"${a}\"", "b", "\"${a}\"" },
        { "a = x // not a value\n", "a", "\"x\"" },
        { "a = 1\nb = ${a}\na = 2", "b", "2" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParseString_ValidDocument_ReadsExpectedValue(string document, string path, string expected)
    {
        var config = ConfigurationFactory.ParseString(document, ConfigParseOptions.Default.WithEnvironment(_ => null));

        var value = config.GetValue(path);

        Assert.Equal(expected, value?.ToString() ?? "<missing>");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void ToString_ValidDocument_ParsesBackToTheSameTree(string document, string path, string expected)
    {
        _ = path;
        _ = expected;
        var config = ConfigurationFactory.ParseString(document, ConfigParseOptions.Default.WithEnvironment(_ => null));

        var reparsed = ConfigurationFactory.ParseString(config.ToString());

        Assert.Equal(config.ToString(), reparsed.ToString());
        Assert.Equal(
            config.AsEnumerable().Select(pair => (pair.Key, pair.Value.ToString())),
            reparsed.AsEnumerable().Select(pair => (pair.Key, pair.Value.ToString())));
    }
}
