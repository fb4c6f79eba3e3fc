using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class SampleGroupBoxTests
{
    private const string KidA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string KidB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Iv = "000102030405060708090a0b0c0d0e0f";

    private static SampleToGroupBox Sbgp(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleToGroupBox.Parse(ref r));

    private static SampleGroupDescriptionBox Sgpd(byte[] box) =>
        Parse(box, (ref BoxDataReader r) => SampleGroupDescriptionBox.Parse(ref r));

    [Test]
    public void SbgpVersion0ReadsRuns()
    {
        var sbgp = Sbgp(FullBox("sbgp", 0, 0,
            new B().Type("seig").U32(2).U32(3).U32(1).U32(2).U32(0x10002)));

        Assert.That(sbgp.GroupingType.ToString(), Is.EqualTo("seig"));
        Assert.That(sbgp.Entries, Is.EqualTo(new[]
        {
            new SampleToGroupBox.Entry(3, 1), new SampleToGroupBox.Entry(2, 0x10002),
        }));
    }

    [Test]
    public void SbgpVersion1SkipsGroupingTypeParameter()
    {
        var sbgp = Sbgp(FullBox("sbgp", 1, 0,
            new B().Type("seig").U32(0xDEADBEEF).U32(1).U32(7).U32(0)));

        Assert.That(sbgp.Entries, Is.EqualTo(new[] { new SampleToGroupBox.Entry(7, 0) }));
    }

    [Test]
    public void SgpdVersion1WithDefaultLengthReadsFixedSizeSeigEntries()
    {
        // default_length 20: reserved, crypt/skip, isProtected, IV size, KID.
        var sgpd = Sgpd(FullBox("sgpd", 1, 0, new B().Type("seig").U32(20).U32(2)
            .U8(0).U8(0x00).U8(1).U8(8).Hex(KidA)
            .U8(0).U8(0x19).U8(1).U8(16).Hex(KidB)));

        Assert.That(sgpd.SeigEntries, Has.Count.EqualTo(2));
        var (a, b) = (sgpd.SeigEntries[0], sgpd.SeigEntries[1]);
        Assert.Multiple(() =>
        {
            Assert.That((a.IsProtected, a.PerSampleIvSize, a.Kid),
                Is.EqualTo(((byte)1, (byte)8, KeyId.Parse(KidA))));
            Assert.That((b.CryptByteBlock, b.SkipByteBlock, b.PerSampleIvSize),
                Is.EqualTo(((byte)1, (byte)9, (byte)16)));
            Assert.That(b.Kid, Is.EqualTo(KeyId.Parse(KidB)));
        });
    }

    [Test]
    public void SgpdVersion1WithDescriptionLengthPerEntryReadsVariableEntries()
    {
        // default_length 0: each entry has its own description_length. Entry 1 carries a
        // 16-byte constant IV (37 bytes); entry 2 is clear (20 bytes) with 2 padding bytes.
        var sgpd = Sgpd(FullBox("sgpd", 1, 0, new B().Type("seig").U32(0).U32(2)
            .U32(37).U8(0).U8(0x19).U8(1).U8(0).Hex(KidA).U8(16).Hex(Iv)
            .U32(22).U8(0).U8(0).U8(0).U8(0).Zeros(16).Zeros(2)));

        Assert.That(sgpd.SeigEntries, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(sgpd.SeigEntries[0].ConstantIv, Is.EqualTo(FromHex(Iv)));
            Assert.That(sgpd.SeigEntries[0].Kid, Is.EqualTo(KeyId.Parse(KidA)));
            Assert.That(sgpd.SeigEntries[1].IsProtected, Is.Zero);
            Assert.That(sgpd.SeigEntries[1].ConstantIv, Is.Empty);
        });
    }

    [Test]
    public void SgpdDescriptionLengthShorterThanTheEntryIsMalformed()
    {
        var box = FullBox("sgpd", 1, 0, new B().Type("seig").U32(0).U32(1)
            .U32(19).U8(0).U8(0).U8(1).U8(8).Hex(KidA));

        var error = Assert.Throws<Mp4FormatException>(() => Sgpd(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("sgpd", "description_length")));
    }

    [Test]
    public void SgpdVersion2SkipsDefaultSampleDescriptionIndex()
    {
        var sgpd = Sgpd(FullBox("sgpd", 2, 0, new B().Type("seig").U32(1).U32(1)
            .U8(0).U8(0).U8(1).U8(8).Hex(KidB)));

        Assert.That(sgpd.SeigEntries.Single().Kid, Is.EqualTo(KeyId.Parse(KidB)));
    }

    [Test]
    public void SgpdOfAnotherGroupingTypeKeepsOnlyTheType()
    {
        var sgpd = Sgpd(FullBox("sgpd", 1, 0, new B().Type("roll").U32(2).U32(1).U16(1)));

        Assert.That(sgpd.GroupingType.ToString(), Is.EqualTo("roll"));
        Assert.That(sgpd.SeigEntries, Is.Empty);
    }
}

[TestFixture]
public sealed class ProtectionSystemHeaderBoxTests
{
    private const string Widevine = "edef8ba979d64acea3c827dcd51d21ed";
    private const string PiffPssh = "d08a4f18-10f3-4a82-b6c8-32d8aba183d3";

    private static ProtectionSystemHeader Pssh(byte[] box) => Parse(box,
        (ref BoxDataReader r) => ProtectionSystemSpecificHeaderBox.Parse(ref r, At));

    [Test]
    public void Version0HasNoKidsAndKeepsTheData()
    {
        var pssh = Pssh(FullBox("pssh", 0, 0, new B().Hex(Widevine).U32(3).U8(7).U8(8).U8(9)));

        Assert.Multiple(() =>
        {
            Assert.That(pssh.SystemId, Is.EqualTo(SystemId.Widevine));
            Assert.That(pssh.Version, Is.Zero);
            Assert.That(pssh.KeyIds, Is.Empty);
            Assert.That(pssh.Data.ToArray(), Is.EqualTo(new byte[] { 7, 8, 9 }));
            Assert.That(pssh.BoxOffset, Is.EqualTo(At));
        });
    }

    [Test]
    public void Version1ListsKids()
    {
        var pssh = Pssh(FullBox("pssh", 1, 0, new B().Hex("1077efecc0b24d02ace33c1e52e2fb4b")
            .U32(2).Hex("11111111111111111111111111111111")
            .Hex("22222222222222222222222222222222").U32(0)));

        Assert.That(pssh.SystemId, Is.EqualTo(SystemId.ClearKey));
        Assert.That(pssh.KeyIds, Is.EqualTo(new[]
        {
            KeyId.Parse("11111111111111111111111111111111"),
            KeyId.Parse("22222222222222222222222222222222"),
        }));
        Assert.That(pssh.Data.Length, Is.Zero);
    }

    [Test]
    public void PiffUuidBoxHasTheVersion0Layout()
    {
        var pssh = Pssh(UuidFullBox(PiffPssh, 0, 0,
            new B().Hex("9a04f07998404286ab92e65be0885f95").U32(1).U8(0x42)));

        Assert.That(pssh.SystemId, Is.EqualTo(SystemId.PlayReady));
        Assert.That(pssh.Data.ToArray(), Is.EqualTo(new byte[] { 0x42 }));
    }

    [Test]
    public void KidCountBeyondTheBoxIsMalformed()
    {
        var box = FullBox("pssh", 1, 0, new B().Hex(Widevine).U32(0x10000000).U32(0));

        var error = Assert.Throws<Mp4FormatException>(() => Pssh(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("pssh", "KID_count")));
    }

    [Test]
    public void DataSizeBeyondTheBoxIsMalformed()
    {
        var box = FullBox("pssh", 0, 0, new B().Hex(Widevine).U32(100).U8(1));

        var error = Assert.Throws<Mp4FormatException>(() => Pssh(box));

        Assert.That((error.Box, error.Field), Is.EqualTo(("pssh", "DataSize")));
    }
}
