using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Tests.Keys;

/// <summary>Fixed KIDs, keys and schemes for the key tests.</summary>
internal static class TestKeys
{
    public static readonly FourCC Cenc = FourCC.Parse("cenc");
    public static readonly FourCC Isma = FourCC.Parse("iAEC");
    public static readonly FourCC Oma = FourCC.Parse("odkm");

    public static readonly KeyId KidA = KeyId.Parse("0123456789abcdef0123456789abcdef");
    public static readonly KeyId KidB = KeyId.Parse("fedcba9876543210fedcba9876543210");

    public static readonly ContentKey KeyA = Fill(0xA1);
    public static readonly ContentKey KeyB = Fill(0xB2);

    /// <summary>A key whose bytes are all <paramref name="value"/>.</summary>
    public static ContentKey Fill(byte value) =>
        new(Enumerable.Repeat(value, ContentKey.Size).ToArray());

    /// <summary>Hex of a key's bytes, as it must never appear in messages.</summary>
    public static string Hex(ContentKey key) => Convert.ToHexString(key.Key).ToLowerInvariant();

    public static KeyRequest ForKid(KeyId kid, uint trackId = 1) => new(trackId, Cenc, kid);
}
