using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Protection;

/// <summary>
/// `seig` sample group entry (ISO/IEC 23001-7 §6): the tenc fields for the samples mapped to
/// it, used for key rotation and clear lead (isProtected = 0).
/// </summary>
public sealed record CencSampleEncryptionInformationGroupEntry(
    byte CryptByteBlock,
    byte SkipByteBlock,
    byte IsProtected,
    byte PerSampleIvSize,
    KeyId Kid,
    byte[] ConstantIv)
{
    public static readonly FourCC GroupingType = FourCC.Parse("seig");

    public static CencSampleEncryptionInformationGroupEntry Parse(ref BoxDataReader reader)
    {
        reader.ReadUInt8("reserved");
        var pattern = reader.ReadUInt8("crypt_byte_block/skip_byte_block");
        TrackEncryptionBox.CheckPattern(ref reader, (byte)(pattern >> 4), (byte)(pattern & 0x0F),
            "crypt_byte_block");
        var isProtected = reader.ReadUInt8("isProtected");
        if (isProtected > 1)
        {
            throw reader.Malformed("isProtected",
                $"isProtected is {isProtected}; only 0 and 1 are defined");
        }

        var ivSize = TrackEncryptionBox.ReadIvSize(ref reader, isProtected == 1,
            "Per_Sample_IV_Size");
        var kid = KeyId.Read(reader.ReadBytes(KeyId.Size, "KID"));
        var constantIv = isProtected == 1 && ivSize == 0
            ? TrackEncryptionBox.ReadConstantIv(ref reader, "constant_IV_size")
            : [];
        return new CencSampleEncryptionInformationGroupEntry(
            (byte)(pattern >> 4), (byte)(pattern & 0x0F), isProtected, ivSize, kid, constantIv);
    }
}
