using Decryptor.IsoBmff;
using NUnit.Framework;

namespace Decryptor.Tests.IsoBmff;

[TestFixture]
public sealed class BoxHeaderParserTests
{
    [Test]
    public void CompactHeaderGivesTypeSizeAndPayloadOffset()
    {
        // size 0x10, type 'free', 8 payload bytes.
        byte[] bytes = [0, 0, 0, 0x10, (byte)'f', (byte)'r', (byte)'e', (byte)'e', 1, 2, 3, 4,
            5, 6, 7, 8];

        var header = BoxHeaderParser.Parse(bytes, 100, 116, "file");

        Assert.Multiple(() =>
        {
            Assert.That(header.Type.ToString(), Is.EqualTo("free"));
            Assert.That(header.Offset, Is.EqualTo(100));
            Assert.That(header.Size, Is.EqualTo(16));
            Assert.That(header.HeaderSize, Is.EqualTo(8));
            Assert.That(header.PayloadOffset, Is.EqualTo(108));
            Assert.That(header.PayloadSize, Is.EqualTo(8));
            Assert.That(header.End, Is.EqualTo(116));
            Assert.That(header.ExtendedType, Is.Null);
        });
    }

    [Test]
    public void LargesizeHeaderIsSixteenBytesAndUsesTheSixtyFourBitSize()
    {
        // size 1 = "largesize follows"; largesize 0x1_0000_0010 (past 4 GiB).
        byte[] bytes = [0, 0, 0, 1, (byte)'m', (byte)'d', (byte)'a', (byte)'t',
            0, 0, 0, 1, 0, 0, 0, 0x10];

        var header = BoxHeaderParser.Parse(bytes, 0, 0x2_0000_0000, "file");

        Assert.Multiple(() =>
        {
            Assert.That(header.Type.ToString(), Is.EqualTo("mdat"));
            Assert.That(header.Size, Is.EqualTo(0x1_0000_0010L));
            Assert.That(header.HeaderSize, Is.EqualTo(16));
            Assert.That(header.PayloadOffset, Is.EqualTo(16));
        });
    }

    [Test]
    public void LargesizeSmallerThanItsSixteenByteHeaderIsMalformed()
    {
        byte[] bytes = [0, 0, 0, 1, (byte)'m', (byte)'d', (byte)'a', (byte)'t',
            0, 0, 0, 0, 0, 0, 0, 12];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 40, 100, "file"));

        Assert.That((error.Box, error.Offset, error.Field), Is.EqualTo(("mdat", 40L, "size")));
    }

    [Test]
    public void LargesizeCutOffByTheContainerIsMalformed()
    {
        byte[] bytes = [0, 0, 0, 1, (byte)'m', (byte)'d', (byte)'a', (byte)'t', 0, 0];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 30, 40, "file"));

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("mdat", 30L, "largesize")));
    }

    [Test]
    public void SizeZeroRunsToTheEndOfTheContainer()
    {
        byte[] bytes = [0, 0, 0, 0, (byte)'m', (byte)'d', (byte)'a', (byte)'t'];

        var header = BoxHeaderParser.Parse(bytes, 500, 1500, "file");

        Assert.Multiple(() =>
        {
            Assert.That(header.Size, Is.EqualTo(1000));
            Assert.That(header.End, Is.EqualTo(1500));
            Assert.That(header.PayloadSize, Is.EqualTo(992));
        });
    }

    [Test]
    public void UuidBoxCarriesItsExtendedTypeAndAHeaderOfTwentyFourBytes()
    {
        byte[] bytes = [0, 0, 0, 0x1C, (byte)'u', (byte)'u', (byte)'i', (byte)'d',
            0x89, 0x74, 0xdb, 0xce, 0x7b, 0xe7, 0x4c, 0x51,
            0x84, 0xf9, 0x71, 0x48, 0xf9, 0x88, 0x25, 0x54, 9, 9, 9, 9];

        var header = BoxHeaderParser.Parse(bytes, 0, 28, "schi");

        Assert.Multiple(() =>
        {
            Assert.That(header.HeaderSize, Is.EqualTo(24));
            Assert.That(header.ExtendedType?.ToString(),
                Is.EqualTo("8974dbce-7be7-4c51-84f9-7148f9882554"));
            Assert.That(header.IsUuid(Protection.PiffUuids.TrackEncryption), Is.True);
            Assert.That(header.PayloadSize, Is.EqualTo(4));
        });
    }

    [Test]
    public void LargesizeUuidBoxHasAFortyByteHeader()
    {
        var bytes = new byte[40];
        bytes[3] = 1;
        "uuid"u8.CopyTo(bytes.AsSpan(4));
        bytes[15] = 40;
        bytes[16] = 0xAB;

        var header = BoxHeaderParser.Parse(bytes, 0, 40, "file");

        Assert.That((header.HeaderSize, header.Size), Is.EqualTo((32, 40L)));
        Assert.That(header.ExtendedType?.High, Is.EqualTo(0xAB00000000000000UL));
    }

    [Test]
    public void UuidWhoseExtendedTypeIsCutOffIsMalformed()
    {
        byte[] bytes = [0, 0, 0, 0x10, (byte)'u', (byte)'u', (byte)'i', (byte)'d',
            1, 2, 3, 4, 5, 6, 7, 8];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 8, 24, "moov"));

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("uuid", 8L, "usertype")));
    }

    [TestCase(1u + 1)]
    [TestCase(4u)]
    [TestCase(7u)]
    public void SizeSmallerThanTheHeaderIsMalformed(uint size)
    {
        byte[] bytes = [0, 0, 0, (byte)size, (byte)'f', (byte)'r', (byte)'e', (byte)'e',
            0, 0, 0, 0];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 64, 76, "moov"));

        Assert.That((error.Box, error.Offset, error.Field), Is.EqualTo(("free", 64L, "size")));
        Assert.That(error.Message, Does.Contain("free").And.Contain("64"));
    }

    [Test]
    public void SizePastTheParentIsMalformedAndNamesTheChild()
    {
        byte[] bytes = [0, 0, 0, 0x20, (byte)'t', (byte)'r', (byte)'a', (byte)'k',
            0, 0, 0, 0, 0, 0, 0, 0];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 108, 124, "moov"));

        Assert.That((error.Box, error.Offset, error.Field), Is.EqualTo(("trak", 108L, "size")));
        Assert.That(error.Message, Does.Contain("moov"));
    }

    [Test]
    public void FewerThanEightBytesLeftIsATruncatedHeader()
    {
        byte[] bytes = [0, 0, 0, 0x20, (byte)'t'];

        var error = Assert.Throws<Mp4FormatException>(
            () => BoxHeaderParser.Parse(bytes, 200, 205, "moov"));

        Assert.That((error.Box, error.Offset, error.Field), Is.EqualTo(("moov", 200L, "size")));
    }
}

[TestFixture]
public sealed class BoxIteratorTests
{
    [Test]
    public void WalksSiblingsWithAbsoluteOffsetsAndPayloads()
    {
        byte[] payload = [0, 0, 0, 9, (byte)'a', (byte)'a', (byte)'a', (byte)'a', 0x11,
            0, 0, 0, 0x0A, (byte)'b', (byte)'b', (byte)'b', (byte)'b', 0x22, 0x33];
        var found = new List<(string, long, byte[])>();

        var iterator = new BoxIterator(payload, 300, "moov");
        while (iterator.MoveNext())
        {
            found.Add((iterator.Current.Type.ToString(), iterator.Current.Offset,
                iterator.CurrentPayload.ToArray()));
        }

        Assert.That(found, Has.Count.EqualTo(2));
        Assert.That(found[0].Item1, Is.EqualTo("aaaa"));
        Assert.That(found[0].Item2, Is.EqualTo(300));
        Assert.That(found[0].Item3, Is.EqualTo(new byte[] { 0x11 }));
        Assert.That(found[1].Item1, Is.EqualTo("bbbb"));
        Assert.That(found[1].Item2, Is.EqualTo(309));
        Assert.That(found[1].Item3, Is.EqualTo(new byte[] { 0x22, 0x33 }));
    }

    [Test]
    public void SizeZeroChildRunsToTheEndOfItsParentOnly()
    {
        byte[] payload = [0, 0, 0, 0, (byte)'f', (byte)'r', (byte)'e', (byte)'e', 1, 2, 3];

        var iterator = new BoxIterator(payload, 50, "udta");

        Assert.That(iterator.MoveNext(), Is.True);
        Assert.That((iterator.Current.Size, iterator.CurrentPayload.Length), Is.EqualTo((11L, 3)));
        Assert.That(iterator.MoveNext(), Is.False);
    }

    [Test]
    public void ChildRunningPastTheParentThrowsAtTheChild()
    {
        byte[] payload = [0, 0, 0, 8, (byte)'f', (byte)'r', (byte)'e', (byte)'e',
            0, 0, 0, 0x40, (byte)'t', (byte)'r', (byte)'a', (byte)'k', 0, 0];

        var error = Assert.Throws<Mp4FormatException>(() =>
        {
            var iterator = new BoxIterator(payload, 1000, "moov");
            while (iterator.MoveNext())
            {
            }
        });

        Assert.That((error.Box, error.Offset), Is.EqualTo(("trak", 1008L)));
    }
}
