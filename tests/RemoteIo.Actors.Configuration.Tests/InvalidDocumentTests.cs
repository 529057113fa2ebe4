namespace RemoteIo.Actors.Configuration.Tests;

/// <summary>A table of invalid documents and their exact error messages (source, line, column, expected and found).</summary>
public sealed class InvalidDocumentTests
{
    public static TheoryData<string, string> Documents => new()
    {
        {
            "a = 1\nb {\n  c = 1\n  ]\n}",
            "<string>:4:3: expected '}' or a key, found ']'"
        },
        {
            "a {",
            "<string>:1:4: expected '}' or a key, found end of input (the object opened at line 1, column 3 is not closed)"
        },
        {
            "a = [1, 2",
            "<string>:1:10: expected ']' or a value, found end of input (the list opened at line 1, column 5 is not closed)"
        },
        {
            "a = [1,, 2]",
            "<string>:1:8: expected a value or ']', found ','"
        },
        {
            "a = 1,,\nb = 2",
            "<string>:1:7: expected a key or end of input, found ','"
        },
        {
            "a = 1 b = 2",
            "<string>:1:9: expected ',' or a newline after the value of 'a', found '='"
        },
        {
            "url = http://host:80/x",
            "<string>:1:11: expected ',' or a newline after the value of 'url', found ':' (put text containing ':' in double quotes, e.g. \"http://host\")"
        },
        {
            "a 1",
            "<string>:1:4: expected ':', '=', '+=' or '{' after the key '\"a 1\"', found end of input"
        },
        {
            "a =",
            "<string>:1:4: expected a value for 'a', found end of input"
        },
        {
            "a = \n",
            "<string>:2:1: expected a value for 'a', found end of input"
        },
        {
            "= 1",
            "<string>:1:1: expected a key or end of input, found '='"
        },
        {
            "}",
            "<string>:1:1: expected a key or end of input, found '}'"
        },
        {
            "[1, 2]",
            "<string>:1:1: the root of a configuration must be an object, found '['"
        },
        {
            "{ a = 1 } b",
            "<string>:1:11: expected end of input after the closing '}', found 'b'"
        },
        {
            "a = \"abc",
            "<string>:1:5: unterminated quoted string: a \"...\" string must end on the same line (use \"\"\"...\"\"\" for several lines)"
        },
        {
            "a = \"abc\ndef\"",
            "<string>:1:5: unterminated quoted string: a \"...\" string must end on the same line (use \"\"\"...\"\"\" for several lines)"
        },
        {
            "a = \"\\q\"",
            "<string>:1:6: unknown escape '\\q' in a quoted string (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
        },
        {
            "a = \"\\u12\"",
            "<string>:1:6: \\u must be followed by four hexadecimal digits"
        },
        {
            "a = \"\"\"abc",
            "<string>:1:5: unterminated triple-quoted string: expected a closing \"\"\""
        },
        {
            "a = $b",
            "<string>:1:5: '$' is not allowed in unquoted text: write ${path} for a substitution, or quote the text"
        },
        {
            "a = b + c",
            "<string>:1:7: '+' is not allowed in unquoted text: write += to append to a list, or quote the text"
        },
        {
            "a = b@c",
            "<string>:1:6: '@' is not allowed in unquoted text: put the text in double quotes"
        },
        {
            "a = ${b",
            "<string>:1:5: unterminated substitution: expected '}' to close '${' on the same line"
        },
        {
            "a = ${}",
            "<string>:1:5: invalid substitution ${}: a path may not be empty"
        },
        {
            "a = ${b..c}",
            "<string>:1:5: invalid substitution ${b..c}: a path element is empty (write \"\" for an empty key)"
        },
        {
            "a..b = 1",
            "<string>:1:1: invalid key: a path element is empty (write \"\" for an empty key, or remove the extra '.')"
        },
        {
            ".a = 1",
            "<string>:1:1: invalid key: a path element is empty (write \"\" for an empty key, or remove the extra '.')"
        },
        {
            "a. = 1",
            "<string>:1:1: invalid key: a path element is empty (write \"\" for an empty key, or remove the extra '.')"
        },
        {
            "${a} = 1",
            "<string>:1:1: expected a key or end of input, found ${a}"
        },
        {
            "a = ${missing}",
            "<string>:1:5: could not resolve substitution ${missing} used by 'a': no such setting, nor is there an environment variable missing (write ${?missing} if it may be missing)"
        },
        {
            "a { b = ${missing.path} }",
            "<string>:1:9: could not resolve substitution ${missing.path} used by 'a.b': no such setting (write ${?missing.path} if it may be missing)"
        },
        {
            "a = ${b}\nb = ${a}",
            "<string>:2:5: substitution cycle: ${b} (used by 'a') -> ${a} (used by 'b')"
        },
        {
            "a = ${a}",
            "<string>:1:5: could not resolve substitution ${a} used by 'a': no such setting, nor is there an environment variable a (write ${?a} if it may be missing)"
        },
        {
            "bar { foo = 42, baz = ${bar} }",
            "<string>:1:23: substitution cycle: ${bar} (used by 'bar.baz')"
        },
        {
            "a = [${a}]",
            "<string>:1:6: substitution cycle: ${a} (used by 'a[0]')"
        },
        {
            "a = [1]\nb = ${a} x",
            "<string>:2:5: cannot concatenate a list and a string: a value may join strings, or lists, or objects, but not a mix"
        },
        {
            "a { x = 1 }\nb = ${a} [1]",
            "<string>:2:5: cannot concatenate an object and a list: a value may join strings, or lists, or objects, but not a mix"
        },
        {
            "a = 1\na += 2",
            "<string>:2:3: cannot append to 'a' with +=: its earlier value is 1, not a list"
        },
        {
            "include url(\"http://x\")",
            "<string>:1:9: url(...) includes are not supported: download the file and include it by path"
        },
        {
            "include required(\"x.conf\"",
            "<string>:1:26: expected ')' to close the include, found end of input"
        },
        {
            "include foo",
            "<string>:1:12: expected ':', '=', '+=' or '{' after the key '\"include foo\"', found end of input"
        },
        {
            "include \"relative.conf\"",
            "<string>:1:1: cannot include \"relative.conf\" from text that has no directory: give a base directory (ConfigParseOptions.BaseDirectory) or an absolute path"
        },
        {
            "a = " + new string('[', 300),
            "<string>:1:205: objects and lists are nested more than 200 levels deep"
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParseString_InvalidDocument_ThrowsExactMessage(string document, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(
            () => ConfigurationFactory.ParseString(document, ConfigParseOptions.Default.WithEnvironment(_ => null)));

        Assert.Equal(expected, error.Message);
    }
}
