using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `saiz` (ISO/IEC 14496-12 §8.7.8): the size of each sample's auxiliary information.
/// </summary>
public sealed record SampleAuxiliaryInformationSizesBox(
    FourCC? AuxInfoType, byte DefaultSampleInfoSize, uint SampleCount, byte[]? SampleInfoSizes)
{
    public int SizeOf(int index) =>
        SampleInfoSizes is null ? DefaultSampleInfoSize : SampleInfoSizes[index];

    public static SampleAuxiliaryInformationSizesBox Parse(ref BoxDataReader reader)
    {
        var (_, flags) = reader.ReadFullBoxHeader();
        FourCC? auxInfoType = null;
        if ((flags & 1) != 0)
        {
            auxInfoType = reader.ReadFourCC("aux_info_type");
            reader.ReadUInt32("aux_info_type_parameter");
        }

        var defaultSize = reader.ReadUInt8("default_sample_info_size");
        var sampleCount = reader.ReadUInt32("sample_count");
        if (defaultSize != 0)
        {
            return new SampleAuxiliaryInformationSizesBox(auxInfoType, defaultSize, sampleCount,
                null);
        }

        var count = reader.CheckCount(sampleCount, 1, "sample_count");
        var sizes = reader.ReadBytes(count, "sample_info_size").ToArray();
        return new SampleAuxiliaryInformationSizesBox(auxInfoType, 0, sampleCount, sizes);
    }
}
