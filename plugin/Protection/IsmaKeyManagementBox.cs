using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>`iKMS` (ISMA E&amp;A 1.1 §5.1): key management URI, a hint for providers.</summary>
public static class IsmaKeyManagementBox
{
    public static readonly FourCC Type = FourCC.Parse("iKMS");

    public static string ParseKmsUri(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        return reader.ReadNullTerminatedString("kms_URI");
    }
}
