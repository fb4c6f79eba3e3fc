using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `frma` (ISO/IEC 14496-12 §8.12.2): the sample entry's four-CC before protection.
/// </summary>
public static class OriginalFormatBox
{
    public static FourCC ParseDataFormat(ref BoxDataReader reader) =>
        reader.ReadFourCC("data_format");
}
