using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Output;

/// <summary>
/// The clear file writer decrypts one chunk while writing the previous one. Corpus files fit
/// in one default chunk, so these tests shrink the chunk to run many turns of that pipeline,
/// and check that a failure or a cancellation in the middle leaves the target as it was.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ClearFileWriterTests
{
    // Odd sizes, so chunk edges fall inside samples and boxes.
    private const int SmallChunk = 4099;

    // Both kinds of view: offsets kept (Common Encryption) and rewritten (ISMACryp, OMA).
    private static IEnumerable<CorpusEntry> All =>
        CorpusCases.CommonEncryption.Concat(CorpusCases.HeaderScheme);

    [TestCaseSource(nameof(All))]
    public void Many_small_chunks_write_the_clear_view_byte_for_byte(CorpusEntry entry)
    {
        using var scratch = new ScratchDirectory();
        var output = scratch.PathOf("clear.mp4");
        var progress = new RecordingProgress();
        using var index = MovieIndex.Open(entry.FullPath);
        var keys = new KeyResolver(CorpusCases.ManifestKeys(entry));

        ClearFileWriter.Write(index, keys, output, SmallChunk, progress);

        using var decryptor = new SampleDecryptor(index, keys);
        using var view = ClearMovieView.Open(index, decryptor);
        var expected = new byte[view.Length];
        view.ReadExactly(expected);
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(expected));
        Assert.That(progress.Values, Is.Ordered.Ascending);
        Assert.That(progress.Values[^1], Is.EqualTo(expected.Length));
        Assert.That(progress.Values, Has.Count.GreaterThan(expected.Length / SmallChunk),
            "one report per chunk");
        Assert.That(scratch.Leftovers(), Is.Empty);
    }

    [Test]
    public void Cancelling_midway_keeps_the_previous_target_and_no_temporary_file()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-cenc.mp4");
        using var scratch = new ScratchDirectory();
        var output = scratch.PathOf("clear.mp4");
        byte[] previous = [1, 2, 3, 4];
        File.WriteAllBytes(output, previous);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(onReport: written =>
        {
            if (written > 3 * SmallChunk)
            {
                cancel.Cancel();
            }
        });
        using var index = MovieIndex.Open(entry.FullPath);

        Assert.Throws<OperationCanceledException>(() => ClearFileWriter.Write(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)), output, SmallChunk, progress,
            cancellationToken: cancel.Token));

        Assert.That(File.ReadAllBytes(output), Is.EqualTo(previous));
        Assert.That(scratch.Leftovers(), Is.Empty);
    }

    [Test]
    public void A_key_missing_partway_fails_typed_and_leaves_nothing_behind()
    {
        // Only each track's first key: the rotated ones are asked for chunks later.
        var entry = CorpusCases.CommonEncryption.First(e => e.KeyRotation);
        var firstKeysOnly = new StaticKeyProvider();
        foreach (var track in entry.Tracks)
        {
            firstKeysOnly.AddKey(track.AllKeys[0].KeyId, track.AllKeys[0].ToContentKey());
        }

        using var scratch = new ScratchDirectory();
        var output = scratch.PathOf("clear.mp4");
        var progress = new RecordingProgress();
        using var index = MovieIndex.Open(entry.FullPath);

        var error = Assert.Throws<ContentKeyNotFoundException>(() => ClearFileWriter.Write(
            index, new KeyResolver(firstKeysOnly), output, SmallChunk, progress))!;

        var rotated = entry.Tracks.SelectMany(t => t.AllKeys.Skip(1)).Select(k => k.KeyId);
        Assert.That(rotated, Does.Contain(error.KeyId));
        Assert.That(progress.Values, Is.Not.Empty, "the failure came after some chunks");
        Assert.That(File.Exists(output), Is.False);
        Assert.That(scratch.Leftovers(), Is.Empty);
    }

    /// <summary>Reports arrive on the copying thread, in order, as they are made.</summary>
    private sealed class RecordingProgress(Action<long>? onReport = null) : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value)
        {
            Values.Add(value);
            onReport?.Invoke(value);
        }
    }

    private sealed class ScratchDirectory : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("writer-").FullName;

        public string PathOf(string name) => Path.Combine(_path, name);

        /// <summary>Files other than the target: a temporary file left behind.</summary>
        public string[] Leftovers() => Directory.GetFiles(_path)
            .Where(f => Path.GetFileName(f) != "clear.mp4").ToArray();

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
