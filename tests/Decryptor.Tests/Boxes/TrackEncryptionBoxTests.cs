using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class TrackEncryptionBoxTests
{
    private const string Kid = "0102030405060708090a0b0c0d0e0f10";
    private const string PiffTenc = "8974dbce-7be7-4c51-84f9-7148f9882554";

    private static TrackEncryptionBox Tenc(byte[] box, bool isPiff = false) =>
        Parse(box, (ref BoxDataReader r) => TrackEncryptionBox.Parse(ref r, isPiff));

    [Test]
    public void Version0ReadsIvSizeAndKidAndIgnoresTheReservedPatternByte()
    {
        // v0: reserved u8, reserved u8 (0x19 here, must not be read as a pattern),
        // isProtected 1, Per_Sample_IV_Size 8, KID.
        var box = FullBox("tenc", 0, 0, new B().U8(0).U8(0x19).U8(1).U8(8).Hex(Kid));

        var tenc = Tenc(box);

        Assert.Multiple(() =>
        {
            Assert.That(tenc.Version, Is.EqualTo(0));
            Assert.That(tenc.IsProtected, Is.True);
            Assert.That(tenc.DefaultPerSampleIvSize, Is.EqualTo(8));
            Assert.That(tenc.DefaultKid, Is.EqualTo(KeyId.Parse(Kid)));
            Assert.That(tenc.DefaultCryptByteBlock, Is.Zero);
            Assert.That(tenc.DefaultSkipByteBlock, Is.Zero);
            Assert.That(tenc.DefaultConstantIv, Is.Empty);
            Assert.That(tenc.PiffAlgorithmId, Is.Null);
        });
    }

    [Test]
    public void Version1SplitsThePatternByteIntoCryptAndSkipNibbles()
    {
        var box = FullBox("tenc", 1, 0, new B().U8(0).U8(0x19).U8(1).U8(16).Hex(Kid));

        var tenc = Tenc(box);

        Assert.That((tenc.DefaultCryptByteBlock, tenc.DefaultSkipByteBlock),
            Is.EqualTo(((byte)1, (byte)9)));
        Assert.That(tenc.DefaultPerSampleIvSize, Is.EqualTo(16));
    }

    [Test]
    public void Version1HighNibblesAreNotMixedUp()
    {
        var box = FullBox("tenc", 1, 0, new B().U8(0).U8(0xF2).U8(1).U8(8).Hex(Kid));

        var tenc = Tenc(box);

        Assert.That((tenc.DefaultCryptByteBlock, tenc.DefaultSkipByteBlock),
            Is.EqualTo(((byte)15, (byte)2)));
    }

    [Test]
    public void ConstantIvIsReadWhenProtectedWithIvSizeZero()
    {
        const string iv = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
        var box = FullBox("tenc", 1, 0,
            new B().U8(0).U8(0x19).U8(1).U8(0).Hex(Kid).U8(16).Hex(iv));

        var (tenc, remaining) = ParseAll(box,
            (ref BoxDataReader r) => TrackEncryptionBox.Parse(ref r, false));

        Assert.That(tenc.DefaultConstantIv, Is.EqualTo(FromHex(iv)));
        Assert.That(remaining, Is.Zero);
    }

    [Test]
    public void EightByteConstantIvIsAccepted()
    {
        var box = FullBox("tenc", 1, 0,
            new B().U8(0).U8(0).U8(1).U8(0).Hex(Kid).U8(8).Hex("0102030405060708"));

        Assert.That(Tenc(box).DefaultConstantIv, Has.Length.EqualTo(8));
    }

    [Test]
    public void NoConstantIvIsReadWhenTheTrackIsNotProtected()
    {
        // isProtected 0 and IV size 0: default_constant_IV_size is absent; the 3 trailing
        // bytes stay unread.
        var box = FullBox("tenc", 1, 0, new B().U8(0).U8(0).U8(0).U8(0).Hex(Kid).U8(16)
            .U8(0xAA).U8(0xBB));

        var (tenc, remaining) = ParseAll(box,
            (ref BoxDataReader r) => TrackEncryptionBox.Parse(ref r, false));

        Assert.That(tenc.IsProtected, Is.False);
        Assert.That(tenc.DefaultConstantIv, Is.Empty);
        Assert.That(remaining, Is.EqualTo(3));
    }

    [Test]
    public void NoConstantIvIsReadWhenThereIsAPerSampleIv()
    {
        var box = FullBox("tenc", 1, 0, new B().U8(0).U8(0).U8(1).U8(8).Hex(Kid).U8(16));

        var (tenc, remaining) = ParseAll(box,
            (ref BoxDataReader r) => TrackEncryptionBox.Parse(ref r, false));

        Assert.That(tenc.DefaultConstantIv, Is.Empty);
        Assert.That(remaining, Is.EqualTo(1));
    }

    [Test]
    public void ConstantIvSizeOtherThan8Or16IsMalformed()
    {
        var box = FullBox("tenc", 1, 0,
            new B().U8(0).U8(0).U8(1).U8(0).Hex(Kid).U8(12).Zeros(12));

        var error = Assert.Throws<Mp4FormatException>(() => Tenc(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("tenc", "default_constant_IV_size")));
    }

    [Test]
    public void IsProtectedAboveOneIsMalformed()
    {
        var box = FullBox("tenc", 0, 0, new B().U8(0).U8(0).U8(2).U8(8).Hex(Kid));

        var error = Assert.Throws<Mp4FormatException>(() => Tenc(box));

        Assert.That(error.Field, Is.EqualTo("default_isProtected"));
    }

    [Test]
    public void PiffUuidBoxReadsAlgorithmIdIvSizeAndKid()
    {
        // PIFF 1.1 §5.3.2: default_AlgorithmID u24 (1 = AES-CTR), default_IV_size u8, KID.
        var box = UuidFullBox(PiffTenc, 0, 0, new B().U24(1).U8(8).Hex(Kid));

        var tenc = Tenc(box, isPiff: true);

        Assert.Multiple(() =>
        {
            Assert.That(tenc.PiffAlgorithmId, Is.EqualTo(1u));
            Assert.That(tenc.IsProtected, Is.True);
            Assert.That(tenc.DefaultPerSampleIvSize, Is.EqualTo(8));
            Assert.That(tenc.DefaultKid, Is.EqualTo(KeyId.Parse(Kid)));
        });
    }

    [Test]
    public void PiffAlgorithmIdZeroMeansClear()
    {
        var box = UuidFullBox(PiffTenc, 0, 0, new B().U24(0).U8(0).Hex(Kid));

        var tenc = Tenc(box, isPiff: true);

        Assert.That((tenc.PiffAlgorithmId, tenc.IsProtected), Is.EqualTo(((uint?)0u, false)));
    }

    [Test]
    public void PiffCbcAlgorithmIdIsKept()
    {
        var box = UuidFullBox(PiffTenc, 0, 0, new B().U24(2).U8(16).Hex(Kid));

        Assert.That(Tenc(box, isPiff: true).PiffAlgorithmId, Is.EqualTo(2u));
    }

    [Test]
    public void TruncatedKidIsMalformedAtTheKidOffset()
    {
        // Payload: version/flags (4), three bytes, IV size, then only 10 KID bytes.
        var box = FullBox("tenc", 0, 0, new B().U8(0).U8(0).U8(1).U8(8).Zeros(10));

        var error = Assert.Throws<Mp4FormatException>(() => Tenc(box));

        Assert.That((error.Field, error.Offset), Is.EqualTo(("default_KID", At + 8 + 8)));
    }
}
