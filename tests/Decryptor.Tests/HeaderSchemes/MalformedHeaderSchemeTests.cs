using System.Buffers.Binary;
using Decryptor.Crypto;
using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;
using Decryptor.Tests.IsoBmff;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// Malformed ISMACryp and OMA PDCF input: each case must fail with a typed exception whose
/// Box, Offset and Field (or track) name the culprit, before anything is guessed.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MalformedHeaderSchemeTests
{
    private const long BoxAt = 1000;

    private static readonly IsmaSampleFormatBox Plain8 =
        new(IsmaSampleFormatBox.Isfm, BoxAt, false, 0, 8);

    private static readonly IsmaSampleFormatBox Selective8 =
        new(IsmaSampleFormatBox.Isfm, BoxAt, true, 0, 8);

    private static readonly IsmaSampleFormatBox KeyIndicator2 =
        new(IsmaSampleFormatBox.Isfm, BoxAt, false, 2, 8);

    private static readonly byte[] Key = Convert.FromHexString("65e4eec1b9b81973a188e1a9df0c9ac0");

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var type in new[] { "iSFM", "odaf" })
        {
            foreach (var ivLength in new[] { 0, 17 })
            {
                // Payload: version/flags, selective byte, key_indicator_length, IV_length.
                yield return Case($"{type}_IV_length_{ivLength}",
                    typeof(Mp4FormatException), type, BoxAt + 8 + 6, "IV_length",
                    () => ParseSampleFormat(type, new B().U32(0).U8(0x80).U8(0).U8(ivLength)));
            }
        }

        yield return Case("Key_indicator_runs_past_the_sample", typeof(Mp4FormatException),
            "sample header", 5000, "key_indicator",
            () => SelfDescribingSampleHeader.Parse(new byte[9], KeyIndicator2, 5000, "s"));
        yield return Case("Sample_shorter_than_its_IV", typeof(Mp4FormatException),
            "sample header", 5000, "IV",
            () => SelfDescribingSampleHeader.Parse(new byte[7], Plain8, 5000, "s"));
        yield return Case("Selective_sample_shorter_than_its_IV", typeof(Mp4FormatException),
            "sample header", 5000, "IV",
            () => SelfDescribingSampleHeader.Parse([0x80, 1, 2, 3], Selective8, 5000, "s"));
        yield return Case("Selective_sample_without_its_flag_byte",
            typeof(Mp4FormatException), "sample header", 5000, "selective_encryption",
            () => SelfDescribingSampleHeader.Parse([], Selective8, 5000, "s"));
        yield return Case("Access_unit_shorter_than_its_IV", typeof(Mp4FormatException),
            "sample header", 0, "IV", () => DecryptAccessUnit(Plain8, new byte[3]));

        yield return Case("Rfc2630_padding_wrong", typeof(Mp4FormatException), "sample",
            3000 + 32 - 1, "padding", () => DecryptOmaCbc(lastByte: 0x11));

        var farAccessUnit = new B().U64(1UL << 40).Zeros(10).ToArray();
        yield return Case("Byte_stream_offset_past_the_stream", typeof(Mp4FormatException),
            "sample header", 0, "IV", () => DecryptAccessUnit(Plain8, farAccessUnit));
        var farSelective = new B().U8(0x80).U64(1UL << 40).Zeros(10).ToArray();
        yield return Case("Selective_byte_stream_offset_past_the_stream",
            typeof(Mp4FormatException), "sample header", 1, "IV",
            () => DecryptAccessUnit(Selective8, farSelective));
        var corpusSample = CorpusSampleWithFarOffset(out var sampleOffset);
        yield return Case("Corpus_sample_with_byte_stream_offset_past_the_stream",
            typeof(Mp4FormatException), "sample header", sampleOffset, "IV", corpusSample);

        yield return Case("Ohdr_EncryptionMethod_3", typeof(Mp4NotSupportedException), "ohdr",
            BoxAt + 8 + 4, "EncryptionMethod", () => ParseOhdr(method: 3, padding: 1));
        yield return Case("Ohdr_PaddingScheme_2", typeof(Mp4NotSupportedException), "ohdr",
            BoxAt + 8 + 5, "PaddingScheme", () => ParseOhdr(method: 1, padding: 2));

        yield return Case("ISLT_of_5_bytes", typeof(Mp4FormatException), "iSLT", BoxAt + 8,
            "salt", () => ParseSalt(5));
        yield return Case("ISLT_of_9_bytes", typeof(Mp4FormatException), "iSLT", BoxAt + 8,
            "salt", () => ParseSalt(9));

        yield return SaltCase("No_ISLT_and_a_key_without_salt_in_a_file", 1, () =>
        {
            var entry = CorpusManifest.Default.Entry("encrypted/gpac-isma.mp4");
            var keys = new StaticKeyProvider();
            foreach (var track in entry.Tracks)
            {
                keys.AddTrackKey(track.TrackId, ContentKey.Parse(track.Key));
            }

            using var index = MovieIndex.Open(entry.FullPath);
            using var decryptor = new SampleDecryptor(index, new KeyResolver(keys));
            var first = index.Tracks[0];
            decryptor.ReadClearSample(first, 0, new byte[first.Samples[0].Size]);
        });
        yield return SaltCase("No_salt_given_and_a_key_without_salt_to_the_packet_api", 7,
            () =>
            {
                using var decryptor = new IsmaCrypAccessUnitDecryptor(Plain8,
                    _ => new ContentKey(Key), default, trackId: 7);
                var accessUnit = new byte[20];
                decryptor.Decrypt(accessUnit, new byte[20]);
            });
    }

    [TestCaseSource(nameof(Cases))]
    public void Typed_exception_names_box_offset_and_field(Expectation expected)
    {
        var error = Assert.Catch(() => expected.Act())!;

        Assert.That(error, Is.TypeOf(expected.Exception), error.ToString());
        switch (error)
        {
            case Mp4FormatException format:
                Assert.That((format.Box, format.Offset, format.Field),
                    Is.EqualTo((expected.Box, expected.Offset, expected.Field)), format.Message);
                break;
            case Mp4NotSupportedException unsupported:
                Assert.That((unsupported.Box, unsupported.Offset, unsupported.Field),
                    Is.EqualTo((expected.Box, expected.Offset, expected.Field)),
                    unsupported.Message);
                break;
            case ContentKeySaltMissingException salt:
                Assert.That(salt.TrackId, Is.EqualTo(expected.TrackId));
                Assert.That(salt.Message, Does.Contain($"track {expected.TrackId}"));
                break;
        }
    }

    private static TestCaseData Case(string name, Type exception, string box, long offset,
        string field, Action act) =>
        new TestCaseData(new Expectation(name, act, exception, box, offset, field, 0))
            .SetName(name);

    private static TestCaseData SaltCase(string name, uint trackId, Action act) =>
        new TestCaseData(new Expectation(name, act,
            typeof(ContentKeySaltMissingException), null, 0, null, trackId)).SetName(name);

    private static void ParseSampleFormat(string type, byte[] payload)
    {
        var header = new BoxHeader(FourCC.Parse(type), BoxAt, 8 + payload.Length, 8, null);
        var reader = new BoxDataReader(payload, header);
        IsmaSampleFormatBox.Parse(ref reader, header);
    }

    private static void ParseOhdr(int method, int padding)
    {
        var payload = new B().U32(0).U8(method).U8(padding).U64(0).U16(0).U16(0).U16(0)
            .ToArray();
        var header = new BoxHeader(OmaCommonHeadersBox.Type, BoxAt, 8 + payload.Length, 8,
            null);
        var reader = new BoxDataReader(payload, header);
        OmaCommonHeadersBox.Parse(ref reader, header);
    }

    private static void ParseSalt(int length)
    {
        var payload = new byte[length];
        var header = new BoxHeader(IsmaSaltBox.Type, BoxAt, 8 + length, 8, null);
        var reader = new BoxDataReader(payload, header);
        IsmaSaltBox.ParseSalt(ref reader);
    }

    private static void DecryptAccessUnit(IsmaSampleFormatBox format, byte[] accessUnit)
    {
        using var decryptor = new IsmaCrypAccessUnitDecryptor(format, _ => new ContentKey(Key),
            new byte[8], trackId: 1, streamLength: 1000);
        decryptor.Decrypt(accessUnit, new byte[accessUnit.Length]);
    }

    private static void DecryptOmaCbc(byte lastByte)
    {
        var iv = new byte[16];
        var plain = new byte[32];
        plain[^1] = lastByte;
        var payload = HeaderSchemeReference.CbcRawEncrypt(Key, iv, plain);
        using var key = new AesContext(Key);
        OmaPdcfCipher.Decrypt(key, new OmaCommonHeadersBox(OmaCommonHeadersBox.MethodAesCbc,
            OmaCommonHeadersBox.PaddingRfc2630, 0, "", "", "", 0), iv, payload, 3000, "s");
    }

    /// <summary>
    /// bento4-isma-iaec.mp4 with the BSO of track 1 sample 3 set far past the track's byte
    /// stream; reading that sample must fail at the sample's IV.
    /// </summary>
    private static Action CorpusSampleWithFarOffset(out long sampleOffset)
    {
        var entry = CorpusManifest.Default.Entry("encrypted/bento4-isma-iaec.mp4");
        var bytes = File.ReadAllBytes(entry.FullPath);
        using (var index = MovieIndex.Open(entry.FullPath))
        {
            sampleOffset = index.Tracks[0].Samples[2].Offset;
        }

        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan((int)sampleOffset), 1UL << 40);
        return () =>
        {
            using var index = SyntheticMovie.Open(bytes);
            using var decryptor = new SampleDecryptor(index,
                new KeyResolver(CorpusCases.ManifestKeys(entry)));
            var track = index.Tracks[0];
            decryptor.ReadClearSample(track, 2, new byte[track.Samples[2].Size]);
        };
    }

    /// <summary>One malformed input and the exception it must raise.</summary>
    public sealed record Expectation(string Name, Action Act, Type Exception, string? Box,
        long Offset, string? Field, uint TrackId)
    {
        public override string ToString() => Name;
    }
}
