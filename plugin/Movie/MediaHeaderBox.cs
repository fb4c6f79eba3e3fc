using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`mdhd` (ISO/IEC 14496-12 §8.4.2): the timescale of all sample times.</summary>
public sealed record MediaHeaderBox(uint Timescale, ulong Duration, string Language)
{
    public static MediaHeaderBox Parse(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        reader.ReadUIntByVersion(version, "creation_time");
        reader.ReadUIntByVersion(version, "modification_time");
        var timescale = reader.ReadUInt32("timescale");
        if (timescale == 0)
        {
            throw reader.Malformed("timescale", "a media timescale of 0 gives no time base");
        }

        var duration = reader.ReadUIntByVersion(version, "duration");
        var packed = reader.ReadUInt16("language");

        // Three 5-bit letters, each stored as its ISO 639-2/T code minus 0x60.
        var language = new string([
            (char)((packed >> 10 & 0x1F) + 0x60),
            (char)((packed >> 5 & 0x1F) + 0x60),
            (char)((packed & 0x1F) + 0x60),
        ]);
        return new MediaHeaderBox(timescale, duration, language);
    }
}
