using Decryptor.IsoBmff;
using Decryptor.Movie;
using Decryptor.Output;
using NUnit.Framework;

namespace Decryptor.Tests.Output;

/// <summary>
/// The tables that give each rewritten sample its own chunk parse back as written
/// (ISO/IEC 14496-12 §8.7.3 to §8.7.5).
/// </summary>
[TestFixture]
public sealed class SampleTableBoxWriterTests
{
    [Test]
    public void One_sample_per_chunk_needs_an_entry_only_where_the_description_changes()
    {
        var writer = new BoxWriter();

        SampleTableBoxWriter.WriteOneSamplePerChunk(writer, [1, 1, 1, 2, 2, 1], 0);

        var box = Parse(writer.ToArray(), "stsc");
        var reader = new BoxDataReader(box.Payload, box.Header);
        var entries = SampleToChunkBox.Parse(ref reader).Entries;
        Assert.That(entries, Is.EqualTo(new SampleToChunkBox.Entry[]
        {
            new(1, 1, 1), new(4, 1, 2), new(6, 1, 1),
        }));
    }

    [Test]
    public void Chunk_offsets_need_co64_only_past_four_gigabytes()
    {
        long[] small = [8, uint.MaxValue];
        long[] large = [8, uint.MaxValue + 1L];
        Assert.That(SampleTableBoxWriter.NeedsWideOffsets(small), Is.False);
        Assert.That(SampleTableBoxWriter.NeedsWideOffsets(large), Is.True);

        var writer = new BoxWriter();
        SampleTableBoxWriter.WriteChunkOffsets(writer, large, true, 0);

        var box = Parse(writer.ToArray(), "co64");
        var reader = new BoxDataReader(box.Payload, box.Header);
        Assert.That(ChunkOffsetBox.Parse(ref reader, true).ChunkOffsets, Is.EqualTo(large));
    }

    [Test]
    public void Sample_sizes_are_written_one_per_sample()
    {
        var writer = new BoxWriter();

        SampleTableBoxWriter.WriteSampleSizes(writer, [5, 0, 70000], 0);

        var box = Parse(writer.ToArray(), "stsz");
        var reader = new BoxDataReader(box.Payload, box.Header);
        var sizes = SampleSizeBox.ParseStsz(ref reader);
        Assert.That(sizes.SampleCount, Is.EqualTo(3));
        Assert.That(new[] { sizes[0], sizes[1], sizes[2] }, Is.EqualTo(new uint[] { 5, 0, 70000 }));
    }

    private static (BoxHeader Header, byte[] Payload) Parse(byte[] bytes, string type)
    {
        var header = BoxHeaderParser.Parse(bytes, 0, bytes.Length, "test");
        Assert.That(header.Type, Is.EqualTo(FourCC.Parse(type)));
        Assert.That(header.Size, Is.EqualTo(bytes.Length));
        return (header, bytes[header.HeaderSize..]);
    }
}
