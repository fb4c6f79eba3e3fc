using Decryptor.Fragments;
using Decryptor.IsoBmff;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class TrackFragmentHeaderBoxTests
{
    private static TrackFragmentHeaderBox Tfhd(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => TrackFragmentHeaderBox.Parse(ref r));

    [Test]
    public void NoFlagsReadsOnlyTheTrackId()
    {
        var tfhd = Tfhd(FullBox("tfhd", 0, 0, new B().U32(7)));

        Assert.That(tfhd, Is.EqualTo(new TrackFragmentHeaderBox(7, 0, null, null, null, null,
            null)));
        Assert.That(tfhd.IsDefaultBaseMoof, Is.False);
    }

    [Test]
    public void EveryOptionalFieldIsReadInOrder()
    {
        // 0x01 base_data_offset, 0x02 sample_description_index, 0x08 duration, 0x10 size,
        // 0x20 flags.
        var tfhd = Tfhd(FullBox("tfhd", 0, 0x3B, new B().U32(2).U64(0x1_0000_0123).U32(3)
            .U32(1001).U32(4096).U32(0x01010000)));

        Assert.That(tfhd, Is.EqualTo(new TrackFragmentHeaderBox(2, 0x3B, 0x1_0000_0123, 3,
            1001, 4096, 0x01010000)));
    }

    [Test]
    public void DefaultBaseIsMoofIsAFlagWithoutAField()
    {
        var (tfhd, remaining) = ParseAll(FullBox("tfhd", 0, 0x020010, new B().U32(1).U32(99)),
            (ref BoxDataReader r) => TrackFragmentHeaderBox.Parse(ref r));

        Assert.That(tfhd.IsDefaultBaseMoof, Is.True);
        Assert.That((tfhd.DefaultSampleSize, tfhd.BaseDataOffset), Is.EqualTo(((uint?)99,
            (ulong?)null)));
        Assert.That(remaining, Is.Zero);
    }

    [Test]
    public void MissingFlaggedFieldIsMalformed()
    {
        var box = FullBox("tfhd", 0, 0x01, new B().U32(1).U32(0));

        var error = Assert.Throws<Mp4FormatException>(() => Tfhd(box));

        Assert.That((error.Field, error.Offset), Is.EqualTo(("base_data_offset", At + 16)));
    }
}

[TestFixture]
public sealed class TrackRunBoxTests
{
    private static TrackRunBox Trun(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => TrackRunBox.Parse(ref r));

    [Test]
    public void EveryOptionalFieldAndFirstSampleFlagsAreRead()
    {
        // flags: data_offset 0x1, first_sample_flags 0x4, duration 0x100, size 0x200,
        // flags 0x400, composition offset 0x800.
        var trun = Trun(FullBox("trun", 1, 0xF05, new B().U32(2).I32(-8).U32(0x02000000)
            .U32(100).U32(50).U32(0x01010000).I32(200)
            .U32(101).U32(60).U32(0x00010000).I32(-100)));

        Assert.Multiple(() =>
        {
            Assert.That(trun.Flags, Is.EqualTo(0xF05u));
            Assert.That(trun.DataOffset, Is.EqualTo(-8));
            Assert.That(trun.FirstSampleFlags, Is.EqualTo(0x02000000u));
            Assert.That(trun.Samples, Is.EqualTo(new[]
            {
                new TrackRunBox.Sample(100, 50, 0x01010000, 200),
                new TrackRunBox.Sample(101, 60, 0x00010000, -100),
            }));
        });
    }

    [Test]
    public void AbsentPerSampleFieldsAreNull()
    {
        var trun = Trun(FullBox("trun", 0, 0x200, new B().U32(2).U32(11).U32(22)));

        Assert.That((trun.DataOffset, trun.FirstSampleFlags), Is.EqualTo(((int?)null,
            (uint?)null)));
        Assert.That(trun.Samples, Is.EqualTo(new[]
        {
            new TrackRunBox.Sample(null, 11, null, 0), new TrackRunBox.Sample(null, 22, null, 0),
        }));
    }

    [Test]
    public void NoPerSampleFieldsStillGivesTheSampleCount()
    {
        var trun = Trun(FullBox("trun", 0, 0x1, new B().U32(3).I32(120)));

        Assert.That(trun.Samples, Has.Length.EqualTo(3));
        Assert.That(trun.Samples[2], Is.EqualTo(new TrackRunBox.Sample(null, null, null, 0)));
    }

    [Test]
    public void SampleCountBeyondTheBoxIsMalformed()
    {
        var box = FullBox("trun", 0, 0x300, new B().U32(3).U32(1).U32(2).U32(1).U32(2));

        var error = Assert.Throws<Mp4FormatException>(() => Trun(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("trun", "sample_count")));
    }
}

[TestFixture]
public sealed class FragmentIndexBoxTests
{
    [Test]
    public void TfdtVersion0IsThirtyTwoBits()
    {
        var time = Parse(FullBox("tfdt", 0, 0, new B().U32(0xFFFFFFFF)),
            (ref BoxDataReader r) =>
                TrackFragmentBaseMediaDecodeTimeBox.ParseBaseMediaDecodeTime(ref r));

        Assert.That(time, Is.EqualTo(0xFFFFFFFFUL));
    }

    [Test]
    public void TfdtVersion1IsSixtyFourBits()
    {
        var time = Parse(FullBox("tfdt", 1, 0, new B().U64(0x1_0000_0002)),
            (ref BoxDataReader r) =>
                TrackFragmentBaseMediaDecodeTimeBox.ParseBaseMediaDecodeTime(ref r));

        Assert.That(time, Is.EqualTo(0x1_0000_0002UL));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void SidxFirstOffsetCountsFromTheEndOfTheBox(int version)
    {
        var fields = new B().U32(1).U32(90000);
        if (version == 0)
        {
            fields.U32(1800).U32(100);
        }
        else
        {
            fields.U64(1800).U64(100);
        }

        // Reference 1: media, 5000 bytes, SAP; reference 2: a sidx (type 1), no SAP.
        fields.U16(0).U16(2).U32(5000).U32(180000).U32(0x90000000)
            .U32(0x80000000 | 700).U32(90000).U32(0);
        var box = FullBox("sidx", version, 0, fields);
        var boxEnd = At + box.Length;

        var sidx = Parse(box, (ref BoxDataReader r) => SegmentIndexBox.Parse(ref r, boxEnd));

        Assert.Multiple(() =>
        {
            Assert.That((sidx.ReferenceId, sidx.Timescale), Is.EqualTo((1u, 90000u)));
            Assert.That(sidx.EarliestPresentationTime, Is.EqualTo(1800UL));
            Assert.That(sidx.FirstSubsegmentOffset, Is.EqualTo(boxEnd + 100));
            Assert.That(sidx.References, Is.EqualTo(new[]
            {
                new SegmentIndexBox.Reference(false, 5000, 180000, true),
                new SegmentIndexBox.Reference(true, 700, 90000, false),
            }));
        });
    }

    [Test]
    public void TfraVersion1WithWideNumberFields()
    {
        // length_size_of_traf_num 1 (2 bytes), trun_num 0 (1 byte), sample_num 3 (4 bytes).
        var tfra = Parse(FullBox("tfra", 1, 0, new B().U32(2).U32(0b01_00_11).U32(2)
            .U64(0).U64(0x1_0000_0000).U16(1).U8(1).U32(1)
            .U64(90000).U64(0x1_0000_8000).U16(1).U8(2).U32(5)),
            (ref BoxDataReader r) => TrackFragmentRandomAccessBox.Parse(ref r));

        Assert.That(tfra.TrackId, Is.EqualTo(2u));
        Assert.That(tfra.Entries, Is.EqualTo(new[]
        {
            new TrackFragmentRandomAccessBox.Entry(0, 0x1_0000_0000),
            new TrackFragmentRandomAccessBox.Entry(90000, 0x1_0000_8000),
        }));
    }

    [Test]
    public void TfraVersion0WithOneByteNumberFields()
    {
        var (tfra, remaining) = ParseAll(FullBox("tfra", 0, 0, new B().U32(1).U32(0).U32(1)
            .U32(3000).U32(4096).U8(1).U8(1).U8(1)),
            (ref BoxDataReader r) => TrackFragmentRandomAccessBox.Parse(ref r));

        Assert.That(tfra.Entries, Is.EqualTo(new[]
        {
            new TrackFragmentRandomAccessBox.Entry(3000, 4096),
        }));
        Assert.That(remaining, Is.Zero);
    }
}
