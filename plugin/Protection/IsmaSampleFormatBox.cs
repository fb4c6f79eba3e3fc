using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `iSFM` (ISMA E&amp;A 1.1 §5.2) and OMA DRM's `odaf`, which has the same fields: whether samples
/// carry a selective-encryption byte, and the lengths of the key indicator and of the IV in
/// each sample header.
/// </summary>
public sealed record IsmaSampleFormatBox(
    FourCC Type, long Offset, bool SelectiveEncryption, byte KeyIndicatorLength, byte IvLength)
{
    public static readonly FourCC Isfm = FourCC.Parse("iSFM");
    public static readonly FourCC Odaf = FourCC.Parse("odaf");

    public static IsmaSampleFormatBox Parse(ref BoxDataReader reader, BoxHeader header)
    {
        reader.ReadFullBoxHeader();
        var selective = (reader.ReadUInt8("selective_encryption") & 0x80) != 0;
        var keyIndicatorLength = reader.ReadUInt8("key_indicator_length");
        var ivAt = reader.Offset;
        var ivLength = reader.ReadUInt8("IV_length");
        if (ivLength is 0 or > 16)
        {
            throw new Mp4FormatException(header.Type.ToString(), ivAt, "IV_length",
                $"IV_length {ivLength} is not between 1 and 16");
        }

        if (keyIndicatorLength > 8)
        {
            throw new Mp4NotSupportedException(header.Type.ToString(), ivAt - 1,
                "key_indicator_length",
                $"key indicators of {keyIndicatorLength} bytes (more than 8) are not supported");
        }

        return new IsmaSampleFormatBox(header.Type, header.Offset, selective, keyIndicatorLength,
            ivLength);
    }
}
