using System.Security.Cryptography;
using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.IsoBmff.SyntheticMovie;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.IsoBmff;

/// <summary>
/// CENC fragments: where `saio` points (moof-relative or tfhd base), and samples encrypted
/// here with AES-CTR (built from AES-ECB) decrypting back to their plaintext.
/// </summary>
[TestFixture]
public sealed class CencFragmentTests
{
    private static readonly byte[] Iv1 = FromHex("0102030405060708");
    private static readonly byte[] Iv2 = FromHex("f1f2f3f4f5f6f7f8");

    private static byte[] Init(int ivSize = 8) => Concat(Ftyp(), Moov(
        Trak(1, Stsd(EncryptedEntry(ivSize)), EmptyTables()), Mvex(Trex(1, 1000, 0))));

    private static byte[] Plain(int size, int seed) =>
        [.. Enumerable.Range(0, size).Select(i => (byte)(seed + i * 7))];

    /// <summary>
    /// cenc (ISO/IEC 23001-7 §10.1): counter = IV(8) ‖ 64-bit block counter from 0; the
    /// keystream runs on over the protected ranges only.
    /// </summary>
    private static byte[] EncryptCtr(byte[] plain, byte[] iv, params (int Clear, int Protected)[]
        subsamples)
    {
        if (subsamples.Length == 0)
        {
            subsamples = [(0, plain.Length)];
        }

        using var aes = Aes.Create();
        aes.Key = FromHex(KeyHex);
        var counter = new byte[16];
        iv.CopyTo(counter, 0);
        var block = new byte[16];
        var used = 16;
        var output = (byte[])plain.Clone();
        var at = 0;
        foreach (var (clear, protectedBytes) in subsamples)
        {
            at += clear;
            for (var i = 0; i < protectedBytes; i++, at++)
            {
                if (used == 16)
                {
                    aes.EncryptEcb(counter, block, PaddingMode.None);
                    for (var k = 15; k >= 8 && ++counter[k] == 0; k--)
                    {
                    }

                    used = 0;
                }

                output[at] ^= block[used++];
            }
        }

        return output;
    }

    private static SampleDecryptor Decryptor(MovieIndex index)
    {
        var keys = new StaticKeyProvider();
        keys.AddKey(KeyId.Parse(KidHex), new ContentKey(FromHex(KeyHex)));
        return new SampleDecryptor(index, new KeyResolver(keys));
    }

    private static byte[] ReadClear(SampleDecryptor decryptor, Track track, int index)
    {
        var buffer = new byte[256];
        var size = decryptor.ReadClearSample(track, index, buffer);
        return buffer[..size];
    }

    [Test]
    public void EncryptionHelperMatchesTheSp800_38aCtrVector()
    {
        // NIST SP 800-38A F.5.1 uses a full 16-byte counter; with IV f0..f7 and the low half
        // f8..ff the first block is the same, so check our ECB-built CTR against it.
        using var aes = Aes.Create();
        aes.Key = FromHex(KeyHex);
        var keystream = aes.EncryptEcb(FromHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
            PaddingMode.None);
        var cipher = keystream.Zip(FromHex("6bc1bee22e409f96e93d7e117393172a"),
            (k, p) => (byte)(k ^ p)).ToArray();

        Assert.That(cipher, Is.EqualTo(FromHex("874d6191b620e3261bef6864990db6ce")));
    }

    [Test]
    public void SaioRelativeToMoofFindsSencEntriesAndSubsampleSamplesDecrypt()
    {
        var plain1 = Plain(40, 3);
        var plain2 = Plain(48, 100);
        var stored1 = EncryptCtr(plain1, Iv1, (5, 20), (3, 12));
        var stored2 = EncryptCtr(plain2, Iv2, (0, 48));
        var init = Init();

        byte[] Moof(int dataOffset, uint saioOffset) => Box("moof", Mfhd(1), Box("traf",
            FullBox("tfhd", 0, 0x020000, new B().U32(1)),
            Tfdt(0),
            Trun(dataOffset, 40, 48),
            FullBox("saiz", 0, 0, new B().U8(0).U32(2).U8(8 + 2 + 12).U8(8 + 2 + 6)),
            FullBox("saio", 0, 0, new B().U32(1).U32(saioOffset)),
            FullBox("senc", 0, 2, new B().U32(2)
                .Raw(Iv1).U16(2).U16(5).U32(20).U16(3).U32(12)
                .Raw(Iv2).U16(1).U16(0).U32(48))));
        var probe = Moof(0, 0);
        var sencEntries = SencEntriesOffset(probe);
        var moof = Moof(probe.Length + 8, (uint)sencEntries);
        var file = Concat(init, moof, Box("mdat", stored1, stored2));
        var moofStart = init.Length;

        using var index = Open(file);
        using var decryptor = Decryptor(index);

        var track = index.GetTrack(1);
        Assert.That(track.Samples.AuxInfoOf(0),
            Is.EqualTo(new AuxInfoLocation(moofStart + sencEntries, 22)));
        Assert.That(track.Samples.AuxInfoOf(1),
            Is.EqualTo(new AuxInfoLocation(moofStart + sencEntries + 22, 16)));
        Assert.That(ReadClear(decryptor, track, 0), Is.EqualTo(plain1));
        Assert.That(ReadClear(decryptor, track, 1), Is.EqualTo(plain2));
    }

    [Test]
    public void SaioRelativeToExplicitBaseDataOffsetFindsAuxInfoInMdat()
    {
        // Aux info (two 8-byte IVs) at the start of mdat; tfhd base_data_offset is the mdat
        // data start, saio offset 0 counts from it and the trun data_offset skips the IVs.
        var plain1 = Plain(40, 9);
        var plain2 = Plain(17, 200);
        var init = Init();
        byte[] Moof(ulong baseOffset) => Box("moof", Mfhd(1), Box("traf",
            FullBox("tfhd", 0, 0x01, new B().U32(1).U64(baseOffset)),
            Trun(16, 40, 17),
            FullBox("saiz", 0, 0, new B().U8(8).U32(2)),
            FullBox("saio", 0, 0, new B().U32(1).U32(0))));
        var data = init.Length + Moof(0).Length + 8;
        var file = Concat(init, Moof((ulong)data), Box("mdat", Iv1, Iv2,
            EncryptCtr(plain1, Iv1), EncryptCtr(plain2, Iv2)));

        using var index = Open(file);
        using var decryptor = Decryptor(index);

        var track = index.GetTrack(1);
        Assert.That(track.Samples[0].Offset, Is.EqualTo(data + 16));
        Assert.That(track.Samples.AuxInfoOf(1), Is.EqualTo(new AuxInfoLocation(data + 8, 8)));
        Assert.That(ReadClear(decryptor, track, 0), Is.EqualTo(plain1));
        Assert.That(ReadClear(decryptor, track, 1), Is.EqualTo(plain2));
    }

    [Test]
    public void SencAloneWithSixteenByteIvsDecrypts()
    {
        var iv = FromHex("0011223344556677");
        var iv16 = Concat(iv, new byte[8]);
        var plain = Plain(33, 1);
        var init = Init(ivSize: 16);
        byte[] Moof(int dataOffset) => Box("moof", Mfhd(1), Box("traf",
            FullBox("tfhd", 0, 0x020000, new B().U32(1)),
            Trun(dataOffset, 33),
            FullBox("senc", 0, 0, new B().U32(1).Raw(iv16))));
        var file = Concat(init, Moof(Moof(0).Length + 8), Box("mdat", EncryptCtr(plain, iv)));

        using var index = Open(file);
        using var decryptor = Decryptor(index);

        Assert.That(ReadClear(decryptor, index.GetTrack(1), 0), Is.EqualTo(plain));
    }

    /// <summary>Offset of the first senc entry from the start of the moof bytes.</summary>
    private static int SencEntriesOffset(byte[] moof) =>
        IndexOf(moof, "senc"u8.ToArray()) + 4 + 4 + 4;
}

/// <summary>`sbgp`/`sgpd` of type seig: key rotation and clear lead.</summary>
[TestFixture]
public sealed class SeigGroupTests
{
    private const string KidA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string KidB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string KidC = "cccccccccccccccccccccccccccccccc";

    internal static byte[] File(uint[] groupIndexes)
    {
        // stbl sgpd: entry 1 = KID A, protected, IV 8; entry 2 = KID B, clear.
        var stblGroups = FullBox("sgpd", 1, 0, new B().Type("seig").U32(20).U32(2)
            .U8(0).U8(0).U8(1).U8(8).Hex(KidA)
            .U8(0).U8(0).U8(0).U8(0).Hex(KidB));
        var init = Concat(Ftyp(), Moov(
            Trak(1, Stsd(EncryptedEntry()), EmptyTables(), stblGroups),
            Mvex(Trex(1, 1000, 16))));
        var sbgp = new B().Type("seig").U32((uint)groupIndexes.Length);
        foreach (var index in groupIndexes)
        {
            sbgp.U32(1).U32(index);
        }

        var moof = Box("moof", Mfhd(1), Box("traf",
            FullBox("tfhd", 0, 0x020000, new B().U32(1)),
            FullBox("trun", 0, 0, new B().U32((uint)groupIndexes.Length)),
            FullBox("sgpd", 1, 0, new B().Type("seig").U32(20).U32(1)
                .U8(0).U8(0x19).U8(1).U8(16).Hex(KidC)),
            FullBox("sbgp", 0, 0, sbgp)));
        return Concat(init, moof, Box("mdat", new byte[16 * groupIndexes.Length]));
    }

    [Test]
    public void GroupIndexesAboveTheFragmentBaseUseTheTrafSgpdAndOthersTheStblSgpd()
    {
        AssertGroups(File([0x10001, 2, 1, 0]));
    }

    [Test]
    public void GroupIndexesMapWithPerSampleSizesInTheTrun()
    {
        AssertGroups(FileWithSizes([0x10001, 2, 1, 0]));
    }

    internal static byte[] FileWithSizes(uint[] groupIndexes)
    {
        var file = File(groupIndexes);

        // Same layout, but the trun carries one size per sample (flags 0x200).
        var count = (uint)groupIndexes.Length;
        var emptyTrun = FullBox("trun", 0, 0, new B().U32(count));
        var sizedTrun = new B().U32(count);
        for (var i = 0; i < count; i++)
        {
            sizedTrun.U32(16);
        }

        var at = IndexOf(file, emptyTrun);
        var replacement = FullBox("trun", 0, 0x200, sizedTrun);
        var grown = replacement.Length - emptyTrun.Length;
        var result = Concat(file[..at], replacement, file[(at + emptyTrun.Length)..]);

        // Grow the moof and traf sizes by the same amount.
        var moof = IndexOf(result, "moof"u8.ToArray()) - 4;
        var traf = IndexOf(result, "traf"u8.ToArray()) - 4;
        foreach (var header in new[] { moof, traf })
        {
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(
                result.AsSpan(header));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(header),
                size + (uint)grown);
        }

        return result;
    }

    private static void AssertGroups(byte[] file)
    {
        using var index = Open(file);
        var track = index.GetTrack(1);
        var parameters = Enumerable.Range(0, 4)
            .Select(i => track.EncryptionDefaultsOf(track.Samples[i])!).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That((parameters[0].Kid, parameters[0].PerSampleIvSize),
                Is.EqualTo((KeyId.Parse(KidC), (byte)16)), "0x10001: traf sgpd entry 1");
            Assert.That((parameters[0].Pattern.CryptByteBlock,
                parameters[0].Pattern.SkipByteBlock), Is.EqualTo(((byte)1, (byte)9)));
            Assert.That((parameters[1].IsProtected, parameters[1].Kid),
                Is.EqualTo((false, KeyId.Parse(KidB))), "2: stbl sgpd entry 2 (clear)");
            Assert.That(SampleDecryptor.IsEncrypted(track, track.Samples[1]), Is.False);
            Assert.That((parameters[2].Kid, parameters[2].PerSampleIvSize),
                Is.EqualTo((KeyId.Parse(KidA), (byte)8)), "1: stbl sgpd entry 1");
            Assert.That((parameters[3].Kid, parameters[3].Origin),
                Is.EqualTo((KeyId.Parse(KidHex), "tenc")), "0: the tenc");
        });
    }
}
