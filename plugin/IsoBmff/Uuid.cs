using System.Buffers.Binary;
using System.Globalization;

namespace Decryptor.IsoBmff;

/// <summary>The 16-byte extended type of a `uuid` box (ISO/IEC 14496-12 §4.2).</summary>
public readonly record struct Uuid(ulong High, ulong Low)
{
    public const int Size = 16;

    public static Uuid Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public override string ToString()
    {
        var hex = High.ToString("x16", CultureInfo.InvariantCulture)
            + Low.ToString("x16", CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
