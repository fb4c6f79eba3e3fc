using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Protection;

/// <summary>
/// `tenc` (ISO/IEC 23001-7 §8.2) and the PIFF 1.1 track encryption uuid box, whose
/// default_AlgorithmID occupies the bytes where `tenc` v0 has its reserved fields and
/// default_isProtected (so AlgorithmID 1 reads as isProtected 1).
/// </summary>
public sealed record TrackEncryptionBox(
    byte Version,
    byte DefaultCryptByteBlock,
    byte DefaultSkipByteBlock,
    byte DefaultIsProtected,
    byte DefaultPerSampleIvSize,
    KeyId DefaultKid,
    byte[] DefaultConstantIv,
    uint? PiffAlgorithmId)
{
    public bool IsProtected => DefaultIsProtected != 0;

    public static TrackEncryptionBox Parse(ref BoxDataReader reader, bool isPiff)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        if (isPiff)
        {
            var algorithmId = reader.ReadUInt24("default_AlgorithmID");
            var ivSize = ReadIvSize(ref reader, algorithmId != 0, "default_IV_size");
            var kid = KeyId.Read(reader.ReadBytes(KeyId.Size, "default_KID"));
            return new TrackEncryptionBox(version, 0, 0, algorithmId == 0 ? (byte)0 : (byte)1,
                ivSize, kid, [], algorithmId);
        }

        reader.ReadUInt8("reserved");
        byte crypt = 0, skip = 0;
        var pattern = reader.ReadUInt8("default_crypt_byte_block/default_skip_byte_block");
        if (version > 0)
        {
            // §8.2.2: in version 1 and above the second reserved byte holds the pattern.
            crypt = (byte)(pattern >> 4);
            skip = (byte)(pattern & 0x0F);
        }

        CheckPattern(ref reader, crypt, skip, "default_crypt_byte_block");
        var isProtected = reader.ReadUInt8("default_isProtected");
        if (isProtected > 1)
        {
            throw reader.Malformed("default_isProtected",
                $"default_isProtected is {isProtected}; only 0 and 1 are defined");
        }

        var perSampleIvSize = ReadIvSize(ref reader, isProtected == 1,
            "default_Per_Sample_IV_Size");
        var defaultKid = KeyId.Read(reader.ReadBytes(KeyId.Size, "default_KID"));
        var constantIv = Array.Empty<byte>();
        if (isProtected == 1 && perSampleIvSize == 0)
        {
            constantIv = ReadConstantIv(ref reader, "default_constant_IV_size");
        }

        return new TrackEncryptionBox(version, crypt, skip, isProtected, perSampleIvSize,
            defaultKid, constantIv, null);
    }

    /// <summary>
    /// A pattern that skips blocks must encrypt some (ISO/IEC 23001-7 §9.6: crypt_byte_block
    /// 0 with skip_byte_block set describes no encryption at all).
    /// </summary>
    internal static void CheckPattern(ref BoxDataReader reader, byte crypt, byte skip, string field)
    {
        if (crypt == 0 && skip != 0)
        {
            throw new Mp4FormatException(reader.Box, reader.Offset - 1, field,
                $"pattern {crypt}:{skip} skips blocks but encrypts none");
        }
    }

    /// <summary>Per_Sample_IV_Size is 0 (constant IV), 8 or 16 (§9.1).</summary>
    internal static byte ReadIvSize(ref BoxDataReader reader, bool isProtected, string field)
    {
        var at = reader.Offset;
        var size = reader.ReadUInt8(field);
        if (size is not (0 or 8 or 16) && isProtected)
        {
            throw new Mp4FormatException(reader.Box, at, field,
                $"IV size {size} is not 0, 8 or 16");
        }

        return size;
    }

    internal static byte[] ReadConstantIv(ref BoxDataReader reader, string field)
    {
        var at = reader.Offset;
        var size = reader.ReadUInt8(field);
        if (size is not (8 or 16))
        {
            throw new Mp4FormatException(reader.Box, at, field,
                $"constant IV size {size} is not 8 or 16");
        }

        return reader.ReadBytes(size, "constant_IV").ToArray();
    }
}
