using System.Diagnostics;
using Decryptor.Crypto;
using Decryptor.Decryption;
using Decryptor.Fragments;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Movie;
using Decryptor.Protection;
using NUnit.Framework;
using static Decryptor.Tests.IsoBmff.SyntheticMovie;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.IsoBmff;

/// <summary>
/// Malformed input must fail with <see cref="Mp4FormatException"/> (or
/// <see cref="Mp4NotSupportedException"/>) naming the culprit box, field and byte offset.
/// </summary>
[TestFixture]
public sealed class MalformedInputTests
{
    /// <summary>The file offset the single boxes below pretend to start at.</summary>
    private const long At = 1000;

    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    private delegate void ReaderAction(ref BoxDataReader reader);

    public sealed record Case(string Name, Action Run, string Box, string? Field, long Offset)
    {
        public Type Expected { get; init; } = typeof(Mp4FormatException);

        public override string ToString() => Name;
    }

    private static IEnumerable<Case> Cases()
    {
        yield return new Case("truncated box header",
            () => BoxHeaderParser.Parse(new byte[] { 0, 0, 0, 0x20, 0x74 }, 100, 105, "moov"),
            "moov", "size", 100);

        yield return new Case("top-level largesize cut off by the end of the file",
            () => Index(Concat(Ftyp(), new B().U32(1).Type("free").U32(0))),
            "free", "largesize", 20);

        yield return new Case("child size running past its parent",
            () => Index(Concat(Ftyp(), Box("moov", Header(100, "trak"), new byte[8]))),
            "trak", "size", 28);

        yield return new Case("stsz sample_count 0xFFFFFFFF in a tiny box",
            () => Read(FullBox("stsz", 0, 0, new B().U32(0).U32(0xFFFFFFFF)),
                (ref BoxDataReader r) => SampleSizeBox.ParseStsz(ref r)),
            "stsz", "sample_count", At + 8 + 4 + 4);

        yield return new Case("stz2 sample_count 0xFFFFFFFF with 4-bit entries",
            () => Read(FullBox("stz2", 0, 0, new B().U24(0).U8(4).U32(0xFFFFFFFF)),
                (ref BoxDataReader r) => SampleSizeBox.ParseStz2(ref r)),
            "stz2", "sample_count", At + 8 + 4 + 4);

        yield return new Case("stsz constant size with sample_count 0xFFFFFFFF in a movie",
            () => Index(HugeConstantSizeMovie()), "stsz", "sample_count", HugeStszCountOffset());

        yield return new Case("stco entry_count 0xFFFFFFFF",
            () => Read(FullBox("stco", 0, 0, new B().U32(0xFFFFFFFF).U32(8)),
                (ref BoxDataReader r) => ChunkOffsetBox.Parse(ref r, false)),
            "stco", "entry_count", At + 8 + 4);

        yield return new Case("trun sample_count 0xFFFFFFFF with per-sample fields",
            () => Read(FullBox("trun", 0, 0x301, new B().U32(0xFFFFFFFF).I32(0).U32(1).U32(2)),
                (ref BoxDataReader r) => TrackRunBox.Parse(ref r)),
            "trun", "sample_count", At + 8 + 4);

        yield return new Case("trun sample_count 0xFFFFFFFF without per-sample fields",
            () => Read(FullBox("trun", 0, 0, new B().U32(0xFFFFFFFF)),
                (ref BoxDataReader r) => TrackRunBox.Parse(ref r)),
            "trun", "sample_count", At + 8 + 4);

        yield return new Case("senc subsamples covering more than the sample",
            () => AuxInfo(new B().Zeros(8).U16(2).U16(10).U32(30).U16(0).U32(20), 8, 50, 2000),
            "senc", "BytesOfProtectedData", 2008);

        yield return new Case("saiz size shorter than the IV",
            () => AuxInfo(new byte[5], 8, 50, 3000), "senc", "InitializationVector", 3000);

        yield return new Case("senc entry shorter than the IV",
            () => SencEntries(FullBox("senc", 0, 0, new B().U32(2).Zeros(8).Zeros(6)), 2, 8),
            "senc", "InitializationVector", At + 16 + 8);

        yield return new Case("tenc Per_Sample_IV_Size 7",
            () => Read(FullBox("tenc", 0, 0, new B().U8(0).U8(0).U8(1).U8(7).Zeros(16)),
                (ref BoxDataReader r) => TrackEncryptionBox.Parse(ref r, false)),
            "tenc", "default_Per_Sample_IV_Size", At + 8 + 4 + 3);

        yield return new Case("seig Per_Sample_IV_Size 7 in sgpd",
            () => Read(FullBox("sgpd", 1, 0, new B().Type("seig").U32(20).U32(1)
                    .U8(0).U8(0).U8(1).U8(7).Zeros(16)),
                (ref BoxDataReader r) => SampleGroupDescriptionBox.Parse(ref r)),
            "sgpd", "Per_Sample_IV_Size", At + 8 + 4 + 4 + 4 + 4 + 3);

        var stblIndex = SeigGroupTests.FileWithSizes([3, 0, 0, 0]);
        yield return new Case("sbgp index 3 naming no entry of the stbl sgpd (2 entries)",
            () => Index(stblIndex), "sbgp", "group_description_index",
            FirstGroupIndexOffset(stblIndex));

        var trafIndex = SeigGroupTests.FileWithSizes([0x10002, 0, 0, 0]);
        yield return new Case("sbgp index 0x10002 naming no entry of the traf sgpd (1 entry)",
            () => Index(trafIndex), "sbgp", "group_description_index",
            FirstGroupIndexOffset(trafIndex));

        yield return new Case("no moov box",
            () => Index(Concat(Ftyp(), Box("mdat", new byte[32]))), "file", "moov", 0);

        var (pastChunks, pastChunksOffset) = StscMovie(secondFirstChunk: 3, samples: 3);
        yield return new Case("stsc first_chunk past the chunk count",
            () => Index(pastChunks), "stsc", "first_chunk", pastChunksOffset);

        var (farChunks, farChunksOffset) = StscMovie(secondFirstChunk: 5, samples: 4);
        yield return new Case("stsc next first_chunk past the chunk count",
            () => Index(farChunks), "stsc", "first_chunk", farChunksOffset);

        var (shortFile, sampleOffset) = SamplePastEndOfFile();
        yield return new Case("sample running past the end of the file when read",
            () => ReadFirstSample(shortFile), "mdat", null, sampleOffset);
    }

    [TestCaseSource(nameof(Cases))]
    public void ThrowsTheFormatErrorNamingBoxAndField(Case input)
    {
        var watch = Stopwatch.StartNew();
        var error = Catch(input);
        watch.Stop();

        Assert.That(error, Is.InstanceOf(input.Expected), error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(Fast));
        var (box, field, message) = Describe(error!);
        Assert.That(box, Does.EndWith(input.Box));
        Assert.That(field, Is.EqualTo(input.Field));
        Assert.That(message, Does.Contain(input.Box));
    }

    [TestCaseSource(nameof(Cases))]
    public void ReportsTheOffsetOfTheCulprit(Case input)
    {
        var error = Catch(input);

        Assert.That(error, Is.InstanceOf(input.Expected), error?.ToString());
        Assert.That(error is Mp4FormatException f ? f.Offset
            : ((Mp4NotSupportedException)error!).Offset, Is.EqualTo(input.Offset));
        Assert.That(error!.Message, Does.Contain($"byte {input.Offset}"));
    }

    [Test]
    public void HugeStszCountThrowsBeforeAllocatingTheTable()
    {
        var box = FullBox("stsz", 0, 0, new B().U32(0).U32(0xFFFFFFFF));
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<Mp4FormatException>(() => Read(box,
            (ref BoxDataReader r) => SampleSizeBox.ParseStsz(ref r)));

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20));
    }

    private static Exception? Catch(Case input)
    {
        try
        {
            input.Run();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static (string Box, string? Field, string Message) Describe(Exception error) =>
        error switch
        {
            Mp4FormatException f => (f.Box, f.Field, f.Message),
            Mp4NotSupportedException n => (n.Box, n.Field, n.Message),
            _ => ("", null, error.Message),
        };

    private static void Index(byte[] file)
    {
        using var index = Open(file);
    }

    private static void Read(byte[] box, ReaderAction parse)
    {
        var header = BoxHeaderParser.Parse(box, At, At + box.Length, "test");
        var reader = new BoxDataReader(box.AsSpan(header.HeaderSize), header);
        parse(ref reader);
    }

    private static void AuxInfo(byte[] aux, int ivSize, int sampleSize, long offset)
    {
        var subsamples = new SubsampleEntry[1];
        CencSampleAuxInfo.Parse(aux, ivSize, sampleSize, offset, new SampleLabel(1, 1),
            ref subsamples);
    }

    private static void SencEntries(byte[] box, int samples, int ivSize)
    {
        var header = BoxHeaderParser.Parse(box, At, At + box.Length, "test");
        var reader = new BoxDataReader(box.AsSpan(header.HeaderSize), header);
        var senc = SampleEncryptionBox.Parse(ref reader, header);
        senc.LocateEntries(reader.Rest, samples, _ => ivSize);
    }

    private static long FirstGroupIndexOffset(byte[] file) =>
        IndexOf(file, "sbgp"u8.ToArray()) - 4 + 8 + 4 + 4 + 4 + 4;

    private static byte[] Table(params uint[] values)
    {
        var b = new B();
        foreach (var v in values)
        {
            b.U32(v);
        }

        return b;
    }

    private static byte[] HugeConstantSizeMovie() => Concat(Ftyp(), Moov(Trak(1,
        Stsd(VideoEntry("avc1")),
        FullBox("stts", 0, 0, Table(1, 0xFFFFFFFF, 1)),
        FullBox("stsc", 0, 0, Table(1, 1, 0xFFFFFFFF, 1)),
        FullBox("stsz", 0, 0, Table(4, 0xFFFFFFFF)),
        FullBox("stco", 0, 0, Table(1, 0)))));

    private static long HugeStszCountOffset()
    {
        var file = HugeConstantSizeMovie();
        return IndexOf(file, "stsz"u8.ToArray()) - 4 + 8 + 4 + 4;
    }

    /// <summary>stsc (1,1,1),(n,1,1) over 2 chunks; the file and entry 2's first_chunk.</summary>
    private static (byte[] File, long Offset) StscMovie(uint secondFirstChunk, uint samples)
    {
        var file = Concat(Ftyp(), Moov(Trak(1,
            Stsd(VideoEntry("avc1")),
            FullBox("stts", 0, 0, Table(1, samples, 1)),
            FullBox("stsc", 0, 0, Table(2, 1, 1, 1, secondFirstChunk, 1, 1)),
            FullBox("stsz", 0, 0, Table(4, samples)),
            FullBox("stco", 0, 0, Table(2, 0, 4)))), Box("mdat", new byte[16]));
        return (file, IndexOf(file, "stsc"u8.ToArray()) - 4 + 8 + 4 + 4 + 12);
    }

    private static (byte[] File, long SampleOffset) SamplePastEndOfFile()
    {
        byte[] Build(uint chunk) => Concat(Ftyp(), Moov(Trak(1,
            Stsd(VideoEntry("avc1")),
            FullBox("stts", 0, 0, Table(1, 1, 1)),
            FullBox("stsc", 0, 0, Table(1, 1, 1, 1)),
            FullBox("stsz", 0, 0, Table(10, 1)),
            FullBox("stco", 0, 0, Table(1, chunk)))), Box("mdat", new byte[4]));
        var data = Build(0).Length - 4;
        return (Build((uint)data), data);
    }

    private static void ReadFirstSample(byte[] file)
    {
        using var index = Open(file);
        using var decryptor = new SampleDecryptor(index, new KeyResolver(
            new StaticKeyProvider()));
        decryptor.ReadClearSample(index.Tracks[0], 0, new byte[64]);
    }
}
