using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Protection;

/// <summary>
/// `pssh` (ISO/IEC 23001-7 §8.1) and the PIFF protection system uuid box, which has the same
/// fields as a version 0 `pssh`.
/// </summary>
public static class ProtectionSystemSpecificHeaderBox
{
    public static ProtectionSystemHeader Parse(ref BoxDataReader reader, long boxOffset)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        var systemId = SystemId.Read(reader.ReadBytes(16, "SystemID"));
        var kids = new List<KeyId>();
        if (version > 0)
        {
            var count = reader.CheckCount(reader.ReadUInt32("KID_count"), KeyId.Size,
                "KID_count");
            for (var i = 0; i < count; i++)
            {
                kids.Add(KeyId.Read(reader.ReadBytes(KeyId.Size, "KID")));
            }
        }

        var dataSize = reader.ReadEntryCount("DataSize", 1);
        var data = reader.ReadBytes(dataSize, "Data").ToArray();
        return new ProtectionSystemHeader(systemId, version, kids, data, boxOffset);
    }
}
