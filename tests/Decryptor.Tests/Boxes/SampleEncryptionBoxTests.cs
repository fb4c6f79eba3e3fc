using Decryptor.Crypto;
using Decryptor.Decryption;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.Boxes.BoxParsing;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.Boxes;

[TestFixture]
public sealed class SampleEncryptionBoxTests
{
    private const string PiffSenc = "a2394f52-5a9b-4f14-a244-6c427c648df4";
    private const string Kid = "f0e0d0c0b0a090807060504030201000";

    private static (SampleEncryptionBox Box, byte[] Entries) Senc(byte[] box)
    {
        var header = Header(box);
        var reader = new BoxDataReader(box.AsSpan(header.HeaderSize), header);
        var senc = SampleEncryptionBox.Parse(ref reader, header);
        return (senc, reader.Rest.ToArray());
    }

    [Test]
    public void SubsampleFlagLocatesEachEntryWithItsSubsamples()
    {
        // flags 2; sample_count 2; entry 1: IV(8), 1 subsample; entry 2: IV(8), 2 subsamples.
        var box = FullBox("senc", 0, 2, new B().U32(2)
            .Hex("1111111111111111").U16(1).U16(5).U32(35)
            .Hex("2222222222222222").U16(2).U16(1).U32(16).U16(2).U32(32));

        var (senc, entries) = Senc(box);
        var locations = senc.LocateEntries(entries, 2, _ => 8);

        Assert.Multiple(() =>
        {
            Assert.That(senc.HasSubsamples, Is.True);
            Assert.That(senc.SampleCount, Is.EqualTo(2u));
            Assert.That(senc.EntriesOffset, Is.EqualTo(At + 16));
            Assert.That(senc.OverrideAlgorithmId, Is.Null);
            Assert.That(locations, Is.EqualTo(new[]
            {
                new AuxInfoLocation(At + 16, 16),
                new AuxInfoLocation(At + 32, 22),
            }));
        });
    }

    [Test]
    public void WithoutSubsampleFlagEntriesAreIvsOnly()
    {
        var box = FullBox("senc", 0, 0, new B().U32(3).Zeros(16 * 3));

        var (senc, entries) = Senc(box);
        var locations = senc.LocateEntries(entries, 3, _ => 16);

        Assert.That(locations.Select(l => (l.Offset, l.Size)), Is.EqualTo(new[]
        {
            (At + 16, 16), (At + 32, 16), (At + 48, 16),
        }));
    }

    [Test]
    public void PerSampleIvSizesComeFromTheCaller()
    {
        // Clear lead: sample 1 has no IV (isProtected 0 from its seig), sample 2 has 8 bytes.
        var box = FullBox("senc", 0, 0, new B().U32(2).Zeros(8));

        var (senc, entries) = Senc(box);
        var locations = senc.LocateEntries(entries, 2, i => i == 0 ? 0 : 8);

        Assert.That(locations, Is.EqualTo(new[]
        {
            new AuxInfoLocation(At + 16, 0), new AuxInfoLocation(At + 16, 8),
        }));
    }

    [Test]
    public void PiffOverrideFlagReadsAlgorithmIvSizeAndKid()
    {
        // PIFF 1.1 §5.3.3: flags 0x1 | 0x2, AlgorithmID u24, IV_size u8, KID, sample_count.
        var box = UuidFullBox(PiffSenc, 0, 3, new B().U24(1).U8(16).Hex(Kid).U32(1)
            .Zeros(16).U16(1).U16(0).U32(64));

        var (senc, entries) = Senc(box);
        var locations = senc.LocateEntries(entries, 1, _ => senc.OverrideIvSize ?? 8);

        Assert.Multiple(() =>
        {
            Assert.That(senc.Header.IsUuid(PiffUuids.SampleEncryption), Is.True);
            Assert.That(senc.OverrideAlgorithmId, Is.EqualTo(1u));
            Assert.That(senc.OverrideIvSize, Is.EqualTo((byte)16));
            Assert.That(senc.OverrideKid, Is.EqualTo(KeyId.Parse(Kid)));
            Assert.That(senc.EntriesOffset, Is.EqualTo(At + 24 + 4 + 20 + 4));
            Assert.That(locations[0], Is.EqualTo(new AuxInfoLocation(At + 52, 24)));
        });
    }

    [Test]
    public void PiffBoxWithoutOverrideFlagHasNoOverride()
    {
        var box = UuidFullBox(PiffSenc, 1, 0, new B().U32(1).Zeros(8));

        var (senc, _) = Senc(box);

        Assert.That((senc.OverrideAlgorithmId, senc.OverrideIvSize, senc.OverrideKid),
            Is.EqualTo(((uint?)null, (byte?)null, (KeyId?)null)));
        Assert.That(senc.EntriesOffset, Is.EqualTo(At + 24 + 4 + 4));
    }

    [Test]
    public void FewerEntriesThanSamplesIsMalformed()
    {
        var box = FullBox("senc", 0, 0, new B().U32(1).Zeros(8));

        var (senc, entries) = Senc(box);

        var error = Assert.Throws<Mp4FormatException>(
            () => senc.LocateEntries(entries, 2, _ => 8));
        Assert.That((error.Box, error.Field), Is.EqualTo(("senc", "sample_count")));
    }

    [Test]
    public void EntryShorterThanItsIvIsMalformedAtThatEntry()
    {
        // Two samples declared, but the second IV has only 3 bytes.
        var box = FullBox("senc", 0, 0, new B().U32(2).Zeros(8).Zeros(3));

        var (senc, entries) = Senc(box);

        var error = Assert.Throws<Mp4FormatException>(
            () => senc.LocateEntries(entries, 2, _ => 8));
        Assert.That((error.Box, error.Field, error.Offset),
            Is.EqualTo(("senc", "InitializationVector", At + 16 + 8)));
    }
}

[TestFixture]
public sealed class CencSampleAuxInfoTests
{
    private static readonly SampleLabel Label = new(1, 1);

    [Test]
    public void ReadsSubsamplesThatCoverTheSample()
    {
        var aux = new B().Hex("0001020304050607").U16(2).U16(5).U32(20).U16(3).U32(12)
            .ToArray();
        var subsamples = new SubsampleEntry[1];

        var count = CencSampleAuxInfo.Parse(aux, 8, 40, 500, Label, ref subsamples);

        Assert.That(count, Is.EqualTo(2));
        Assert.That(subsamples.Take(2), Is.EqualTo(new[]
        {
            new SubsampleEntry(5, 20), new SubsampleEntry(3, 12),
        }));
    }

    [Test]
    public void IvOnlyMeansTheWholeSampleIsProtected()
    {
        var subsamples = new SubsampleEntry[4];

        var count = CencSampleAuxInfo.Parse(new byte[16], 16, 1234, 0, Label, ref subsamples);

        Assert.That(count, Is.Zero);
    }

    [Test]
    public void SubsamplesCoveringMoreThanTheSampleAreMalformed()
    {
        var aux = new B().Zeros(8).U16(1).U16(10).U32(100).ToArray();
        var subsamples = new SubsampleEntry[4];

        var error = Assert.Throws<Mp4FormatException>(() =>
            CencSampleAuxInfo.Parse(aux, 8, 50, 2000, Label, ref subsamples));

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("senc", 2008L, "BytesOfProtectedData")));
    }

    [Test]
    public void SubsampleCountDisagreeingWithTheInfoSizeIsMalformed()
    {
        var aux = new B().Zeros(8).U16(2).U16(10).U32(40).ToArray();
        var subsamples = new SubsampleEntry[4];

        var error = Assert.Throws<Mp4FormatException>(() =>
            CencSampleAuxInfo.Parse(aux, 8, 50, 2000, Label, ref subsamples));

        Assert.That((error.Offset, error.Field), Is.EqualTo((2008L, "subsample_count")));
    }

    [Test]
    public void InfoShorterThanTheIvIsMalformed()
    {
        var subsamples = new SubsampleEntry[4];

        var error = Assert.Throws<Mp4FormatException>(() =>
            CencSampleAuxInfo.Parse(new byte[4], 8, 50, 3000, Label, ref subsamples));

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("senc", 3000L, "InitializationVector")));
    }
}
