using Decryptor.IsoBmff;
using Decryptor.Movie;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class SampleSizeBoxTests
{
    private static SampleSizeBox Stsz(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleSizeBox.ParseStsz(ref r));

    private static SampleSizeBox Stz2(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleSizeBox.ParseStz2(ref r));

    private static uint[] All(SampleSizeBox box) =>
        [.. Enumerable.Range(0, (int)box.SampleCount).Select(i => box[i])];

    [Test]
    public void StszConstantSizeAppliesToEverySample()
    {
        var stsz = Stsz(FullBox("stsz", 0, 0, new B().U32(512).U32(4)));

        Assert.That((stsz.SampleSize, stsz.SampleCount), Is.EqualTo((512u, 4u)));
        Assert.That(All(stsz), Is.EqualTo(new uint[] { 512, 512, 512, 512 }));
    }

    [Test]
    public void StszTableGivesEachSize()
    {
        var stsz = Stsz(FullBox("stsz", 0, 0, new B().U32(0).U32(3).U32(10).U32(0x10000)
            .U32(7)));

        Assert.That(All(stsz), Is.EqualTo(new uint[] { 10, 0x10000, 7 }));
    }

    [Test]
    public void Stz2FourBitEntriesAreHighNibbleFirst()
    {
        // 5 samples: 0x12 0x34 0x50 -> 1, 2, 3, 4, 5 (last low nibble is padding).
        var stz2 = Stz2(FullBox("stz2", 0, 0, new B().U24(0).U8(4).U32(5).U8(0x12).U8(0x34)
            .U8(0x5F)));

        Assert.That(All(stz2), Is.EqualTo(new uint[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Stz2FourBitEvenCountUsesEveryNibble()
    {
        var stz2 = Stz2(FullBox("stz2", 0, 0, new B().U24(0).U8(4).U32(4).U8(0xF0).U8(0x0A)));

        Assert.That(All(stz2), Is.EqualTo(new uint[] { 15, 0, 0, 10 }));
    }

    [Test]
    public void Stz2FourBitCountNeedingMoreBytesIsMalformed()
    {
        // 5 four-bit entries need 3 bytes; the box has 2.
        var box = FullBox("stz2", 0, 0, new B().U24(0).U8(4).U32(5).U8(0x12).U8(0x34));

        var error = Assert.Throws<Mp4FormatException>(() => Stz2(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("stz2", "sample_count")));
    }

    [Test]
    public void Stz2EightBitEntries()
    {
        var stz2 = Stz2(FullBox("stz2", 0, 0, new B().U24(0).U8(8).U32(3).U8(1).U8(0xFF)
            .U8(0x80)));

        Assert.That(All(stz2), Is.EqualTo(new uint[] { 1, 255, 128 }));
    }

    [Test]
    public void Stz2SixteenBitEntries()
    {
        var stz2 = Stz2(FullBox("stz2", 0, 0, new B().U24(0).U8(16).U32(2).U16(0x1234)
            .U16(0xFFFF)));

        Assert.That(All(stz2), Is.EqualTo(new uint[] { 0x1234, 0xFFFF }));
    }

    [TestCase(0)]
    [TestCase(12)]
    [TestCase(32)]
    public void Stz2FieldSizeOtherThan4Or8Or16IsMalformed(int fieldSize)
    {
        var box = FullBox("stz2", 0, 0, new B().U24(0).U8(fieldSize).U32(0));

        var error = Assert.Throws<Mp4FormatException>(() => Stz2(box));

        Assert.That(error.Field, Is.EqualTo("field_size"));
    }
}

[TestFixture]
public sealed class ChunkBoxTests
{
    [Test]
    public void StscReadsRunsOfChunks()
    {
        var stsc = Parse(FullBox("stsc", 0, 0, new B().U32(2).U32(1).U32(3).U32(1).U32(4)
            .U32(1).U32(2)), (ref BoxDataReader r) => SampleToChunkBox.Parse(ref r));

        Assert.That(stsc.Entries, Is.EqualTo(new[]
        {
            new SampleToChunkBox.Entry(1, 3, 1), new SampleToChunkBox.Entry(4, 1, 2),
        }));
    }

    [Test]
    public void StscFirstChunkNotIncreasingIsMalformedAtThatField()
    {
        // Entry 2's first_chunk (at payload + 8 + 12) repeats entry 1's.
        var box = FullBox("stsc", 0, 0, new B().U32(2).U32(2).U32(3).U32(1).U32(2).U32(1)
            .U32(1));

        var error = Assert.Throws<Mp4FormatException>(() =>
            Parse(box, (ref BoxDataReader r) => SampleToChunkBox.Parse(ref r)));

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("stsc", At + 8 + 8 + 12, "first_chunk")));
    }

    [Test]
    public void StcoReadsThirtyTwoBitOffsets()
    {
        var stco = Parse(FullBox("stco", 0, 0, new B().U32(2).U32(48).U32(0xFFFFFFFF)),
            (ref BoxDataReader r) => ChunkOffsetBox.Parse(ref r, false));

        Assert.That(stco.ChunkOffsets, Is.EqualTo(new[] { 48L, 0xFFFFFFFFL }));
        Assert.That((stco.Is64Bit, stco.FirstEntryOffset), Is.EqualTo((false, At + 16)));
    }

    [Test]
    public void Co64ReadsSixtyFourBitOffsets()
    {
        var co64 = Parse(FullBox("co64", 0, 0, new B().U32(1).U64(0x1_0000_0000)),
            (ref BoxDataReader r) => ChunkOffsetBox.Parse(ref r, true));

        Assert.That(co64.ChunkOffsets, Is.EqualTo(new[] { 0x1_0000_0000L }));
        Assert.That(co64.Is64Bit, Is.True);
    }

    [Test]
    public void Co64OffsetAboveLongMaxIsMalformed()
    {
        var box = FullBox("co64", 0, 0, new B().U32(1).U64(0x8000_0000_0000_0000));

        var error = Assert.Throws<Mp4FormatException>(() =>
            Parse(box, (ref BoxDataReader r) => ChunkOffsetBox.Parse(ref r, true)));

        Assert.That(error.Field, Is.EqualTo("chunk_offset"));
    }
}

[TestFixture]
public sealed class TimingBoxTests
{
    [Test]
    public void SttsReadsCountAndDeltaRuns()
    {
        var stts = Parse(FullBox("stts", 0, 0, new B().U32(2).U32(3).U32(1001).U32(1)
            .U32(500)), (ref BoxDataReader r) => TimeToSampleBox.Parse(ref r));

        Assert.That(stts.Entries, Is.EqualTo(new[]
        {
            new TimeToSampleBox.Entry(3, 1001), new TimeToSampleBox.Entry(1, 500),
        }));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void CttsReadsSignedOffsetsInBothVersions(int version)
    {
        var ctts = Parse(FullBox("ctts", version, 0, new B().U32(2).U32(1).I32(2002).U32(4)
            .I32(-1001)), (ref BoxDataReader r) => CompositionOffsetBox.Parse(ref r));

        Assert.That(ctts.Entries, Is.EqualTo(new[]
        {
            new CompositionOffsetBox.Entry(1, 2002), new CompositionOffsetBox.Entry(4, -1001),
        }));
    }

    [Test]
    public void StssReadsSampleNumbers()
    {
        var stss = Parse(FullBox("stss", 0, 0, new B().U32(3).U32(1).U32(31).U32(61)),
            (ref BoxDataReader r) => SyncSampleBox.Parse(ref r));

        Assert.That(stss.SampleNumbers, Is.EqualTo(new uint[] { 1, 31, 61 }));
    }

    [Test]
    public void SttsEntryCountBeyondTheBoxIsMalformed()
    {
        var box = FullBox("stts", 0, 0, new B().U32(2).U32(1).U32(1));

        var error = Assert.Throws<Mp4FormatException>(() =>
            Parse(box, (ref BoxDataReader r) => TimeToSampleBox.Parse(ref r)));

        Assert.That((error.Box, error.Field), Is.EqualTo(("stts", "entry_count")));
    }
}
