using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `iSLT` (ISMA E&amp;A 1.1 §5.3): the 8-byte salt of the AES-CTR counter. ISMA defines a plain
/// box; some writers make it a full box, so its size decides (DESIGN: accept either).
/// </summary>
public static class IsmaSaltBox
{
    public static readonly FourCC Type = FourCC.Parse("iSLT");

    public const int SaltSize = 8;

    public static byte[] ParseSalt(ref BoxDataReader reader)
    {
        if (reader.Remaining == SaltSize + 4)
        {
            reader.ReadFullBoxHeader();
        }

        if (reader.Remaining != SaltSize)
        {
            throw reader.Malformed("salt",
                $"the box holds {reader.Remaining} bytes where an 8-byte salt belongs");
        }

        return reader.ReadBytes(SaltSize, "salt").ToArray();
    }
}
