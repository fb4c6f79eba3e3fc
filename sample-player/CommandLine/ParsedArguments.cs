namespace Decryptor.SamplePlayer.CommandLine;

/// <summary>
/// A command line split into the command, its positional arguments and its options.
/// Options take the form `--name value` or `--name=value`; flags have no value.
/// </summary>
public sealed class ParsedArguments
{
    private static readonly HashSet<string> Flags = ["--help", "-h", "--verbose", "-v",
        "--quiet", "-q", "--version"];

    private readonly Dictionary<string, List<string>> _options = [];

    private ParsedArguments()
    {
    }

    public string? Command { get; private set; }

    public List<string> Positionals { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public IReadOnlyList<string> All(string name) =>
        _options.TryGetValue(name, out var values) ? values : [];

    public string? Single(string name)
    {
        var values = All(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"{name} is given {values.Count} times; give it once"),
        };
    }

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> known)
    {
        var parsed = new ParsedArguments();
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-'))
            {
                if (parsed.Command is null)
                {
                    parsed.Command = arg;
                }
                else
                {
                    parsed.Positionals.Add(arg);
                }

                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            if (!known.Contains(name) && !Flags.Contains(name))
            {
                throw new UsageException($"unknown option '{name}' (see --help)");
            }

            if (Flags.Contains(name))
            {
                value ??= "";
            }
            else if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{name} needs a value");
                }

                value = args[++i];
            }

            if (!parsed._options.TryGetValue(name, out var list))
            {
                parsed._options[name] = list = [];
            }

            list.Add(value);
        }

        return parsed;
    }
}
