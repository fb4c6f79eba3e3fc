namespace Decryptor.Tests.Cli;

/// <summary>Runs the sample-player command line in-process and captures its output.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SamplePlayer.Cli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Parses `samples` output into per-track (number, size, md5) rows.</summary>
    public static Dictionary<uint, List<(int Number, int Size, string Md5)>> ParseSamples(
        string stdout)
    {
        var tracks = new Dictionary<uint, List<(int, int, string)>>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new FormatException($"not TRACK<TAB>NUMBER<TAB>SIZE<TAB>MD5: '{line}'");
            }

            var track = uint.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
            if (!tracks.TryGetValue(track, out var rows))
            {
                tracks[track] = rows = [];
            }

            rows.Add((int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture),
                fields[3]));
        }

        return tracks;
    }
}
