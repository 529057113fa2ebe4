using System.CommandLine;
using System.CommandLine.Parsing;
using RemoteIo.Actors.Configuration;

namespace RemoteIo.Cli;

/// <summary>Duration options written as HOCON durations: <c>2s</c>, <c>500ms</c>, <c>1.5s</c>, <c>250us</c>; a bare number is milliseconds.</summary>
internal static class CliDuration
{
    /// <summary>A duration option.</summary>
    /// <param name="name">The option name, e.g. <c>--for</c>.</param>
    /// <param name="description">What it is for.</param>
    /// <returns>The option; null when not given.</returns>
    public static Option<TimeSpan?> Option(string name, string description) => new(name)
    {
        Description = description + " (e.g. 2s, 500ms; a bare number is milliseconds)",
        HelpName = "DURATION",
        CustomParser = Parse,
    };

    /// <summary>Parses one token; a bad one is a parse error naming the option and the value.</summary>
    private static TimeSpan? Parse(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (HoconDuration.TryParse(token, out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"'{token}' is not a duration: write e.g. 2s, 500ms, 1.5s or 250us");
        return null;
    }
}
