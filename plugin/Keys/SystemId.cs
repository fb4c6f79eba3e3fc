using System.Buffers.Binary;
using System.Globalization;

namespace Decryptor.Keys;

/// <summary>A DRM system ID (16 bytes) as stored in a `pssh` box.</summary>
public readonly record struct SystemId(ulong High, ulong Low)
{
    public static readonly SystemId ClearKey = Parse("1077efecc0b24d02ace33c1e52e2fb4b");
    public static readonly SystemId Widevine = Parse("edef8ba979d64acea3c827dcd51d21ed");
    public static readonly SystemId PlayReady = Parse("9a04f07998404286ab92e65be0885f95");
    public static readonly SystemId FairPlay = Parse("94ce86fb07ff4f43adb893d2fa968ca2");
    public static readonly SystemId Marlin = Parse("5e629af538da4063897797ffbd9902d4");
    public static readonly SystemId Nagra = Parse("adb41c242dbf4a6d958b4457c0d27b95");
    public static readonly SystemId PrimeTime = Parse("f239e769efa348509c16a903c6932efb");

    public static SystemId Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public static SystemId Parse(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!HexBytes.TryParse(text, bytes))
        {
            throw new FormatException($"A system ID is 32 hex digits; '{text}' is not one.");
        }

        return Read(bytes);
    }

    /// <summary>The DRM system's common name, or null when it is not a well-known one.</summary>
    public string? KnownName =>
        this == ClearKey ? "W3C ClearKey (common)"
        : this == Widevine ? "Widevine"
        : this == PlayReady ? "PlayReady"
        : this == FairPlay ? "FairPlay"
        : this == Marlin ? "Marlin"
        : this == Nagra ? "Nagra"
        : this == PrimeTime ? "Adobe Primetime"
        : null;

    /// <summary>GUID form, lowercase: 8-4-4-4-12 hex digits.</summary>
    public override string ToString()
    {
        var hex = High.ToString("x16", CultureInfo.InvariantCulture)
            + Low.ToString("x16", CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
