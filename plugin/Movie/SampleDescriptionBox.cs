using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`stsd` (ISO/IEC 14496-12 §8.5.2): the track's sample entries.</summary>
public sealed record SampleDescriptionBox(IReadOnlyList<SampleEntry> Entries)
{
    public static SampleDescriptionBox Parse(
        ReadOnlySpan<byte> payload, BoxHeader header, FourCC handlerType)
    {
        var reader = new BoxDataReader(payload, header);
        reader.ReadFullBoxHeader();
        var declared = reader.ReadUInt32("entry_count");
        reader.CheckCount(declared, BoxHeaderParser.MinHeaderSize, "entry_count");

        var entries = new List<SampleEntry>();
        var children = new BoxIterator(reader.Rest, reader.Offset, "stsd");
        while (entries.Count < declared && children.MoveNext())
        {
            var entry = children.Current;
            var childrenOffset = SampleEntry.FindChildrenOffset(
                entry, children.CurrentPayload, handlerType);
            entries.Add(new SampleEntry(entry, childrenOffset));
        }

        if (entries.Count != declared)
        {
            throw reader.Malformed("entry_count",
                $"declares {declared} sample entries, the box holds {entries.Count}");
        }

        return new SampleDescriptionBox(entries);
    }
}
