using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`tkhd` (ISO/IEC 14496-12 §8.3.2): the track_ID.</summary>
public sealed record TrackHeaderBox(uint TrackId, uint Flags)
{
    public static TrackHeaderBox Parse(ref BoxDataReader reader)
    {
        var (version, flags) = reader.ReadFullBoxHeader();
        reader.ReadUIntByVersion(version, "creation_time");
        reader.ReadUIntByVersion(version, "modification_time");
        var trackId = reader.ReadUInt32("track_ID");
        if (trackId == 0)
        {
            throw reader.Malformed("track_ID", "track_ID 0 is reserved");
        }

        return new TrackHeaderBox(trackId, flags);
    }
}
