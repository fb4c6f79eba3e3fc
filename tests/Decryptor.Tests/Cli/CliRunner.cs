using Decryptor.Index;
using Decryptor.Tests.FFmpeg;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Cli;

/// <summary>One run of the command line: exit code, stdout, stderr.</summary>
public delegate (int ExitCode, string Stdout, string Stderr) CliRun(params string[] args);

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

    /// <summary>
    /// `samples` output matches the entry's source: tracks in file order, each in one run,
    /// numbers from 1, and every (size, md5) equal to source_framemd5.
    /// </summary>
    public static void AssertSamplesMatchSource(CorpusEntry entry, string stdout)
    {
        var expected = CorpusCases.Expected(entry);
        var rows = CliRunner.ParseSamples(stdout);
        var trackIds = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => uint.Parse(line.Split('\t')[0],
                System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().ToList();
        using var index = MovieIndex.Open(entry.FullPath);

        Assert.That(trackIds, Is.EqualTo(index.Tracks.Select(t => t.TrackId)),
            $"{entry.File}: tracks in file order, each in one run");
        for (var t = 0; t < index.Tracks.Count; t++)
        {
            var got = rows[index.Tracks[t].TrackId];
            Assert.That(got.Select(r => r.Number),
                Is.EqualTo(Enumerable.Range(1, expected[t].Count)),
                $"{entry.File}: sample numbers of track {index.Tracks[t].TrackId}");
            Assert.That(got.Select(r => (r.Size, r.Md5)), Is.EqualTo(expected[t]),
                $"{entry.File}: (size, md5) of track {index.Tracks[t].TrackId}");
        }
    }

    /// <summary>
    /// `decrypt` with the manifest keys writes a file that FFmpeg and `samples` (with no key)
    /// both read as the source.
    /// </summary>
    public static void AssertDecryptWritesTheSource(CliRun run, CorpusEntry entry)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.mp4");
        try
        {
            var (code, _, stderr) = run(
                ["decrypt", entry.FullPath, output, .. CorpusCases.ManifestKeyOptions(entry)]);

            Assert.That(code, Is.Zero, stderr);
            ClearSamples.AssertEqual(CorpusCases.Expected(entry), FfmpegTool.FrameMd5Of(output),
                entry.File);
            var (again, stdout, _) = run("samples", output);
            Assert.That(again, Is.Zero, "the clear file needs no key");
            AssertSamplesMatchSource(entry, stdout);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// `play --frame-md5` with the manifest keys decodes the very pictures FFmpeg decodes from
    /// the clear source.
    /// </summary>
    public static void AssertPlayDecodesTheSource(CliRun run, CorpusEntry entry)
    {
        var output = Path.Combine(Path.GetTempPath(), $"play-{Guid.NewGuid():N}.framemd5");
        try
        {
            var (code, stdout, stderr) = run(
                ["play", entry.FullPath, "--quiet", "--frame-md5", output,
                    .. CorpusCases.ManifestKeyOptions(entry)]);
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("decode errors: 0"));

            var actual = FFmpegCorpus.Md5Column(File.ReadAllText(output));
            var expected = FFmpegCorpus.DecodedVideoMd5(CorpusPaths.Resolve(entry.Source!));
            Assert.That(actual, Is.EqualTo(expected));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
