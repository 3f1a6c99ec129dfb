using System.CommandLine;
using ContentionSim.Experiments.Sweeps;

namespace ContentionSim.Cli.Commands;

/// <summary>The command line a result folder records as what made it, quoted so that a shell runs it again.</summary>
internal static class CommandLines
{
    /// <summary><c>contentionsim COMMAND</c> followed by the parsed tokens after the command, each quoted for a POSIX shell.</summary>
    public static string Of(ParseResult parse, string command) =>
        string.Join(' ', parse.Tokens
            .Where(t => t.Type != System.CommandLine.Parsing.TokenType.Command)
            .Select(t => SweepMerge.Quote(t.Value))
            .Prepend(command)
            .Prepend("contentionsim"));
}
