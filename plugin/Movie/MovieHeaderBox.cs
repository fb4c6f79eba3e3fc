using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`mvhd` (ISO/IEC 14496-12 §8.2.2): the movie's timescale and duration.</summary>
public sealed record MovieHeaderBox(uint Timescale, ulong Duration)
{
    public static MovieHeaderBox Parse(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        reader.ReadUIntByVersion(version, "creation_time");
        reader.ReadUIntByVersion(version, "modification_time");
        var timescale = reader.ReadUInt32("timescale");
        var duration = reader.ReadUIntByVersion(version, "duration");
        return new MovieHeaderBox(timescale, duration);
    }
}
