using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>`sidx` (ISO/IEC 14496-12 §8.16.3): where subsegments start, and their times.</summary>
public sealed record SegmentIndexBox(
    uint ReferenceId,
    uint Timescale,
    ulong EarliestPresentationTime,
    long FirstSubsegmentOffset,
    SegmentIndexBox.Reference[] References)
{
    public readonly record struct Reference(
        bool ReferenceType, uint ReferencedSize, uint SubsegmentDuration, bool StartsWithSap);

    /// <summary>
    /// <paramref name="boxEnd"/>: first_offset counts from the byte after the box.
    /// </summary>
    public static SegmentIndexBox Parse(ref BoxDataReader reader, long boxEnd)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        var referenceId = reader.ReadUInt32("reference_ID");
        var timescale = reader.ReadUInt32("timescale");
        var earliest = reader.ReadUIntByVersion(version, "earliest_presentation_time");
        var firstOffset = reader.ReadUIntByVersion(version, "first_offset");
        if (firstOffset > (ulong)(long.MaxValue - boxEnd))
        {
            throw reader.Malformed("first_offset", $"offset {firstOffset} is beyond any file");
        }

        reader.ReadUInt16("reserved");
        var count = reader.CheckCount(reader.ReadUInt16("reference_count"), 12,
            "reference_count");
        var references = new Reference[count];
        for (var i = 0; i < count; i++)
        {
            var typeAndSize = reader.ReadUInt32("referenced_size");
            var duration = reader.ReadUInt32("subsegment_duration");
            var sap = reader.ReadUInt32("starts_with_SAP");
            references[i] = new Reference(
                (typeAndSize >> 31) != 0, typeAndSize & 0x7FFFFFFF, duration, (sap >> 31) != 0);
        }

        return new SegmentIndexBox(referenceId, timescale, earliest,
            boxEnd + (long)firstOffset, references);
    }
}
