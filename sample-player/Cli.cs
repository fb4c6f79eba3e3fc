using Decryptor.Keys;
using Decryptor.SamplePlayer.CommandLine;
using Decryptor.SamplePlayer.Commands;
using Microsoft.Extensions.Logging;

namespace Decryptor.SamplePlayer;

/// <summary>
/// The `sample-player` command line: parses, runs one command, and maps failures to exit codes
/// (0 success, 1 the input or keys could not be handled, 2 the command line is wrong) with a
/// one-line reason on stderr.
/// </summary>
public static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public const string InitOption = "--init";

    private static readonly Dictionary<string, ICommand> Commands = new ICommand[]
    {
        new InfoCommand(),
        new SamplesCommand(),
        new DecryptCommand(),
        new PlayCommand(),
        new DemoCommand(),
    }.ToDictionary(c => c.Name);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ParsedArguments parsed;
        try
        {
            var known = new HashSet<string>(KeyOptions.Names.Concat(PlayCommand.OptionNames))
            {
                InitOption,
            };
            parsed = ParsedArguments.Parse(args, known);
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Message);
        }

        if (parsed.Has("--version"))
        {
            stdout.WriteLine($"sample-player {typeof(Cli).Assembly.GetName().Version}");
            return Success;
        }

        if (parsed.Command is null || parsed.Command == "help")
        {
            stdout.Write(HelpText.Overview(Commands.Values));
            return parsed.Command is null && !parsed.Has("--help") && !parsed.Has("-h")
                ? BadUsage
                : Success;
        }

        if (!Commands.TryGetValue(parsed.Command, out var command))
        {
            return Usage(stderr, $"unknown command '{parsed.Command}'");
        }

        if (parsed.Has("--help") || parsed.Has("-h"))
        {
            stdout.Write(HelpText.ForCommand(command));
            return Success;
        }

        return Execute(command, parsed, stdout, stderr);
    }

    private static int Execute(
        ICommand command, ParsedArguments parsed, TextWriter stdout, TextWriter stderr)
    {
        var verbose = parsed.Has("--verbose") || parsed.Has("-v");
        var logger = new StderrLogger(stderr, verbose ? LogLevel.Debug : LogLevel.Warning);
        var context = new CommandContext(parsed, stdout, stderr, logger,
            !parsed.Has("--quiet") && !parsed.Has("-q"));
        try
        {
            if (parsed.Positionals.Count != command.PositionalCount)
            {
                throw new UsageException(
                    $"'{command.Name}' takes {command.Synopsis}, not {parsed.Positionals.Count} "
                    + "arguments");
            }

            return command.Execute(context);
        }
        catch (UsageException e)
        {
            return Usage(stderr, e.Message);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException
            or ContentKeyNotFoundException or ContentKeySaltMissingException or IOException
            or UnauthorizedAccessException)
        {
            // Mp4FormatException, KeyFileFormatException and Mp4NotSupportedException say
            // what and where; key text is never part of these messages.
            stderr.WriteLine($"sample-player: error: {OneLine(e.Message)}");
            return Failure;
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"sample-player: {message}");
        stderr.WriteLine("Try 'sample-player --help'.");
        return BadUsage;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    internal static Index.MovieIndex OpenInput(CommandContext context, string path)
    {
        var init = context.Arguments.Single(InitOption);
        foreach (var file in init is null ? [path] : new[] { init, path })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"no such file: {file}");
            }
        }

        return Index.MovieIndex.Open(path, init, context.Logger);
    }
}
