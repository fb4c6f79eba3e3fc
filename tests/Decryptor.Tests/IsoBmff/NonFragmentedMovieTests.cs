using Decryptor.Decryption;
using Decryptor.Keys;
using NUnit.Framework;
using static Decryptor.Tests.IsoBmff.SyntheticMovie;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.IsoBmff;

[TestFixture]
public sealed class NonFragmentedMovieTests
{
    // ftyp is 20 bytes and the mdat header 8, so mdat data starts at byte 28. Chunk 1 (samples
    // 1-2) at 28, chunk 2 (samples 3-4) at 63 after a 5-byte gap, chunk 3 (sample 5) at 136.
    private static readonly int[] Sizes = [10, 20, 30, 40, 50];
    private static readonly long[] Offsets = [28, 38, 63, 93, 136];
    private static readonly long[] DecodeTimes = [0, 100, 200, 300, 500];
    private static readonly bool[] Sync = [true, false, false, true, false];
    private static readonly int[] CompositionOffsets = [50, 50, 0, 0, 0];

    private static byte[] File(bool co64)
    {
        var data = new byte[186 - 28];
        for (var s = 0; s < Sizes.Length; s++)
        {
            data.AsSpan((int)Offsets[s] - 28, Sizes[s]).Fill((byte)(s + 1));
        }

        var chunkOffsets = co64
            ? FullBox("co64", 0, 0, new B().U32(3).U64(28).U64(63).U64(136))
            : FullBox("stco", 0, 0, new B().U32(3).U32(28).U32(63).U32(136));
        var sizes = new B().U32(0).U32(5);
        foreach (var size in Sizes)
        {
            sizes.U32((uint)size);
        }

        var moov = Moov(Trak(1,
            Stsd(VideoEntry("avc1")),
            FullBox("stts", 0, 0, new B().U32(2).U32(3).U32(100).U32(2).U32(200)),
            FullBox("ctts", 0, 0, new B().U32(2).U32(2).I32(50).U32(3).I32(0)),
            FullBox("stss", 0, 0, new B().U32(2).U32(1).U32(4)),
            FullBox("stsc", 0, 0, new B().U32(2).U32(1).U32(2).U32(1).U32(3).U32(1).U32(1)),
            FullBox("stsz", 0, 0, sizes),
            chunkOffsets));
        return Concat(Ftyp(), Box("mdat", data), moov);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void EverySampleHasItsOffsetSizeTimeAndSyncFlag(bool co64)
    {
        using var index = Open(File(co64));

        var track = index.Tracks.Single();
        Assert.That(index.IsFragmented, Is.False);
        Assert.That((track.TrackId, track.Timescale, track.Kind), Is.EqualTo((1u, 90000u,
            "video")));
        Assert.That(track.Samples.Count, Is.EqualTo(5));
        for (var i = 0; i < 5; i++)
        {
            var sample = track.Samples[i];
            Assert.That(
                (sample.Offset, sample.Size, sample.DecodeTime, sample.IsSync,
                    sample.CompositionOffset),
                Is.EqualTo((Offsets[i], Sizes[i], DecodeTimes[i], Sync[i],
                    CompositionOffsets[i])),
                $"sample {i + 1}");
        }
    }

    [Test]
    public void SampleBytesAreReadFromTheirChunks()
    {
        using var index = Open(File(co64: false));
        using var decryptor = new SampleDecryptor(index, new KeyResolver(
            new StaticKeyProvider()));
        var track = index.Tracks[0];
        var buffer = new byte[64];

        for (var i = 0; i < 5; i++)
        {
            var size = decryptor.ReadClearSample(track, i, buffer);

            Assert.That(buffer.Take(size), Is.All.EqualTo((byte)(i + 1)), $"sample {i + 1}");
        }
    }

    [Test]
    public void TopLevelBoxesAreListedInOrder()
    {
        using var index = Open(File(co64: false));

        Assert.That(index.TopLevelBoxes.Select(b => (b.Type.ToString(), b.Offset)),
            Is.EqualTo(new[] { ("ftyp", 0L), ("mdat", 20L), ("moov", 186L) }));
    }

    [Test]
    public void LargesizeAndSizeZeroTopLevelBoxesAreFollowed()
    {
        // A 64-bit-size free box before moov, and a size-0 mdat running to the end of the file.
        var file = Concat(Ftyp(), LargeBox("free", new byte[3]),
            Moov(Trak(1, Stsd(VideoEntry("avc1")), EmptyTables())),
            SizeZeroBox("mdat", new byte[100]));

        using var index = Open(file);

        var boxes = index.TopLevelBoxes;
        Assert.That(boxes.Select(b => b.Type.ToString()),
            Is.EqualTo(new[] { "ftyp", "free", "moov", "mdat" }));
        Assert.That((boxes[1].Size, boxes[1].HeaderSize), Is.EqualTo((19L, 16)));
        Assert.That(boxes[3].End, Is.EqualTo(file.Length));
    }
}
