using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Robustness;

/// <summary>
/// Corpus files with random bytes changed, cut short or with a box size overwritten must end in
/// a typed error (malformed, unsupported, missing key) or in output, never in another exception,
/// a hang or a huge allocation.
/// </summary>
[TestFixture]
public sealed class MutatedFileTests
{
    private const int MutationsPerFile = 150;

    private static IEnumerable<CorpusEntry> Entries => CorpusManifest.Default.Entries;

    [TestCaseSource(nameof(Entries))]
    public void Mutations_give_typed_errors_or_output(CorpusEntry entry)
    {
        var original = File.ReadAllBytes(entry.FullPath);
        var keys = CorpusCases.ManifestKeys(entry);

        var random = new Random(entry.File.GetHashCode(StringComparison.Ordinal));
        for (var m = 0; m < MutationsPerFile; m++)
        {
            var bytes = Mutate(original, random, out var what);
            var outcome = Run(bytes, keys);
            Assert.That(outcome, Is.Null, $"{entry.File}, {what}: {outcome}");
        }
    }

    private static string? Run(byte[] bytes, StaticKeyProvider keys)
    {
        try
        {
            using var index = MovieIndex.Open(new SourceStream(new MemoryStream(bytes)));
            var resolver = new KeyResolver(keys);
            using (var reader = new AccessUnitReader(index, resolver))
            {
                foreach (var track in index.Tracks)
                {
                    foreach (var unit in reader.ReadTrack(track.TrackId))
                    {
                        _ = unit.Data.Length;
                    }
                }
            }

            using var decryptor = new Decryption.SampleDecryptor(index, resolver);
            using var view = ClearMovieView.Open(index, decryptor);
            view.CopyTo(Stream.Null);
            return null;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException
            or ContentKeyNotFoundException or ContentKeySaltMissingException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static byte[] Mutate(byte[] original, Random random, out string what)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                var cut = random.Next(bytes.Length);
                what = $"cut to {cut} bytes";
                return bytes[..cut];
            case 1:
                // Box sizes and counts sit in the metadata near the start in these files.
                var at = random.Next(Math.Min(bytes.Length, 6000));
                var value = random.Next(4) switch
                {
                    0 => 0xFFFFFFFFu,
                    1 => 0u,
                    2 => 1u,
                    _ => (uint)random.Next(),
                };
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(
                    bytes.AsSpan(Math.Min(at, bytes.Length - 4)), value);
                what = $"u32 {value} at {at}";
                return bytes;
            default:
                var count = random.Next(1, 8);
                var places = new List<int>();
                for (var i = 0; i < count; i++)
                {
                    var p = random.Next(Math.Min(bytes.Length, 8000));
                    bytes[p] = (byte)random.Next(256);
                    places.Add(p);
                }

                what = $"random bytes at {string.Join(',', places)}";
                return bytes;
        }
    }
}
