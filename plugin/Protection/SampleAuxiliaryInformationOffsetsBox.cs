using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `saio` (ISO/IEC 14496-12 §8.7.9): where the auxiliary information is. In a `traf` the
/// offsets count from the same base as the `tfhd` data; in a `stbl` they are file offsets.
/// </summary>
public sealed record SampleAuxiliaryInformationOffsetsBox(
    FourCC? AuxInfoType, long[] Offsets, long BoxOffset)
{
    public static SampleAuxiliaryInformationOffsetsBox Parse(ref BoxDataReader reader)
    {
        var boxOffset = reader.Offset;
        var (version, flags) = reader.ReadFullBoxHeader();
        FourCC? auxInfoType = null;
        if ((flags & 1) != 0)
        {
            auxInfoType = reader.ReadFourCC("aux_info_type");
            reader.ReadUInt32("aux_info_type_parameter");
        }

        var entrySize = version == 0 ? 4 : 8;
        var count = reader.ReadEntryCount("entry_count", entrySize);
        var offsets = new long[count];
        for (var i = 0; i < count; i++)
        {
            var offset = reader.ReadUIntByVersion(version, "offset");
            if (offset > long.MaxValue / 2)
            {
                throw reader.Malformed("offset", $"offset {offset} is beyond any file");
            }

            offsets[i] = (long)offset;
        }

        return new SampleAuxiliaryInformationOffsetsBox(auxInfoType, offsets, boxOffset);
    }
}
