using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>The extended types of the PIFF 1.1 protection uuid boxes (PIFF 1.1 §5.3).</summary>
public static class PiffUuids
{
    public static readonly Uuid TrackEncryption =
        new(0x8974dbce7be74c51, 0x84f97148f9882554);

    public static readonly Uuid SampleEncryption =
        new(0xa2394f525a9b4f14, 0xa2446c427c648df4);

    public static readonly Uuid ProtectionSystemHeader =
        new(0xd08a4f1810f34a82, 0xb6c832d8aba183d3);
}
