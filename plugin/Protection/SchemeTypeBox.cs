using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>`schm` (ISO/IEC 14496-12 §8.12.5): which protection scheme applies.</summary>
public sealed record SchemeTypeBox(FourCC SchemeType, uint SchemeVersion, string? SchemeUri)
{
    public static SchemeTypeBox Parse(ref BoxDataReader reader)
    {
        var (_, flags) = reader.ReadFullBoxHeader();
        var schemeType = reader.ReadFourCC("scheme_type");
        var schemeVersion = reader.ReadUInt32("scheme_version");
        var uri = (flags & 1) != 0 ? reader.ReadNullTerminatedString("scheme_uri") : null;
        return new SchemeTypeBox(schemeType, schemeVersion, uri);
    }
}
