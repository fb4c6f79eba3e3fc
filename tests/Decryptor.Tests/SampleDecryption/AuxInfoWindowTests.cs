using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.SampleDecryption;

/// <summary>
/// Auxiliary information is read through a read-ahead window: the bytes must be exactly those
/// of the input wherever the window stands, and neighbouring entries must share one read.
/// </summary>
[TestFixture]
public sealed class AuxInfoWindowTests
{
    [Test]
    public void Every_read_returns_the_input_bytes_wherever_the_window_stands()
    {
        var random = new Random(20261203);
        var input = new byte[100_000];
        random.NextBytes(input);
        using var source = new SourceStream(new MemoryStream(input));
        var window = new AuxInfoWindow(source);

        // Forward runs, jumps back, reads ending exactly at the end of the input and entries
        // longer than the window itself.
        var reads = Enumerable.Range(0, 2000)
            .Select(_ => random.Next(1, 300))
            .Concat([17_000, 40_000, 1, 16 * 1024])
            .Select(size => (Offset: (long)random.Next(0, input.Length - size), Size: size))
            .Concat([(input.Length - 20L, 20), (0L, 1), (input.Length - 1L, 1)]);
        foreach (var (offset, size) in reads)
        {
            var destination = new byte[size];
            window.Read(offset, destination);
            Assert.That(destination, Is.EqualTo(input.AsSpan((int)offset, size).ToArray()),
                $"{size} bytes at {offset}");
        }
    }

    [Test]
    public void Consecutive_entries_share_one_read_of_the_input()
    {
        var input = new byte[64 * 1024];
        using var recording = new RecordingStream(new MemoryStream(input));
        using var source = new SourceStream(recording, leaveOpen: true);
        var window = new AuxInfoWindow(source);

        // 300 entries of 40 bytes: 12 000 bytes, inside one 16 KiB window.
        var entry = new byte[40];
        for (var i = 0; i < 300; i++)
        {
            window.Read(1000 + (i * 40L), entry);
        }

        Assert.That(recording.Reads, Has.Count.EqualTo(1));
    }

    [Test]
    public void Interleaved_tracks_do_not_reread_each_others_entries()
    {
        // A minute of small video and audio: each track's auxiliary information outgrows one
        // window, and FFmpeg interleaves the tracks' chunks about every second, so decrypting
        // in file order would move a shared window back and forth at every chunk.
        using var scratch = new TemporaryDirectory(
            Directory.CreateTempSubdirectory("aux-window-").FullName);
        var path = Path.Combine(scratch.Path, "interleaved.mp4");
        const string Key = "00112233445566778899aabbccddeeff";
        const string Kid = "0123456789abcdef0123456789abcdef";
        var (code, _, stderr) = FfmpegTool.Run("-v", "error", "-f", "lavfi", "-i",
            "testsrc2=size=64x64:rate=25", "-f", "lavfi", "-i", "sine=sample_rate=48000",
            "-t", "60", "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset",
            "ultrafast", "-c:a", "aac", "-b:a", "32k", "-encryption_scheme", "cenc-aes-ctr",
            "-encryption_key", Key, "-encryption_kid", Kid, path);
        Assert.That(code, Is.Zero, stderr);

        using var recording = new RecordingStream(File.OpenRead(path));
        using var index = MovieIndex.Open(new SourceStream(recording));
        var samples = index.Tracks
            .SelectMany(t => Enumerable.Range(0, t.Samples.Count).Select(i => (t, i)))
            .OrderBy(s => s.t.Samples[s.i].Offset)
            .ToList();
        var keys = new StaticKeyProvider();
        keys.AddKey(KeyId.Parse(Kid), ContentKey.Parse(Key));
        using var decryptor = new SampleDecryptor(index, new KeyResolver(keys));
        recording.Clear();

        var buffer = new byte[samples.Max(s => s.t.Samples[s.i].Size)];
        foreach (var (track, i) in samples)
        {
            decryptor.ReadClearSample(track, i, buffer);
        }

        // One read per sample for its bytes, plus a few windows per track.
        Assert.That(samples.Select(s => s.t.TrackId).Distinct().Count(), Is.EqualTo(2));
        Assert.That(recording.Reads, Has.Count.LessThan(samples.Count + 20));
    }

    private sealed class TemporaryDirectory(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
