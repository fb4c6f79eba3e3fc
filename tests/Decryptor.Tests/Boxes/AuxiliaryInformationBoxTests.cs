using Decryptor.IsoBmff;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class AuxiliaryInformationBoxTests
{
    private static SampleAuxiliaryInformationSizesBox Saiz(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleAuxiliaryInformationSizesBox.Parse(ref r));

    private static SampleAuxiliaryInformationOffsetsBox Saio(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleAuxiliaryInformationOffsetsBox.Parse(ref r));

    [Test]
    public void SaizDefaultSizeAppliesToEverySampleAndHasNoTable()
    {
        var saiz = Saiz(FullBox("saiz", 0, 0, new B().U8(8).U32(1000)));

        Assert.Multiple(() =>
        {
            Assert.That(saiz.AuxInfoType, Is.Null);
            Assert.That(saiz.DefaultSampleInfoSize, Is.EqualTo(8));
            Assert.That(saiz.SampleCount, Is.EqualTo(1000u));
            Assert.That(saiz.SampleInfoSizes, Is.Null);
            Assert.That(saiz.SizeOf(999), Is.EqualTo(8));
        });
    }

    [Test]
    public void SaizDefaultSizeZeroReadsOneSizePerSample()
    {
        var saiz = Saiz(FullBox("saiz", 0, 0, new B().U8(0).U32(3).U8(8).U8(16).U8(22)));

        Assert.That(Enumerable.Range(0, 3).Select(saiz.SizeOf), Is.EqualTo(new[] { 8, 16, 22 }));
    }

    [Test]
    public void SaizFlag1ReadsAuxInfoTypeAndParameter()
    {
        var saiz = Saiz(FullBox("saiz", 0, 1,
            new B().Type("cenc").U32(0).U8(0).U32(2).U8(8).U8(14)));

        Assert.That(saiz.AuxInfoType?.ToString(), Is.EqualTo("cenc"));
        Assert.That(saiz.SizeOf(1), Is.EqualTo(14));
    }

    [Test]
    public void SaizTableShorterThanItsCountIsMalformed()
    {
        var box = FullBox("saiz", 0, 0, new B().U8(0).U32(5).U8(8).U8(8));

        var error = Assert.Throws<Mp4FormatException>(() => Saiz(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("saiz", "sample_count")));
    }

    [Test]
    public void SaioVersion0ReadsThirtyTwoBitOffsets()
    {
        var saio = Saio(FullBox("saio", 0, 0, new B().U32(2).U32(0x10).U32(0xFFFFFFF0)));

        Assert.That(saio.AuxInfoType, Is.Null);
        Assert.That(saio.Offsets, Is.EqualTo(new[] { 0x10L, 0xFFFFFFF0L }));
        Assert.That(saio.BoxOffset, Is.EqualTo(At + 8));
    }

    [Test]
    public void SaioVersion1ReadsSixtyFourBitOffsets()
    {
        var saio = Saio(FullBox("saio", 1, 1,
            new B().Type("cbcs").U32(0).U32(1).U64(0x1_2345_6789)));

        Assert.That(saio.AuxInfoType?.ToString(), Is.EqualTo("cbcs"));
        Assert.That(saio.Offsets, Is.EqualTo(new[] { 0x1_2345_6789L }));
    }

    [Test]
    public void SaioCountBeyondTheBoxIsMalformed()
    {
        var box = FullBox("saio", 1, 0, new B().U32(2).U64(1));

        var error = Assert.Throws<Mp4FormatException>(() => Saio(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("saio", "entry_count")));
    }
}
