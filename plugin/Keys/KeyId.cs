using System.Buffers.Binary;
using System.Globalization;

namespace Decryptor.Keys;

/// <summary>
/// A 16-byte key identifier (KID) in the byte order it is stored in `tenc`, `seig` or the PIFF
/// track encryption box. KIDs are public values; printing them is safe.
/// </summary>
public readonly record struct KeyId(ulong High, ulong Low)
{
    public const int Size = 16;

    public static KeyId Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size)
        {
            throw new ArgumentException("A KID is 16 bytes.", nameof(bytes));
        }

        return new KeyId(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>Parses 32 hex digits, with an optional 0x prefix and GUID-style dashes.</summary>
    public static KeyId Parse(string text)
    {
        if (!TryParse(text, out var kid))
        {
            throw new FormatException(
                $"A KID is 32 hex digits (16 bytes); '{text}' is not one.");
        }

        return kid;
    }

    public static bool TryParse(string? text, out KeyId kid)
    {
        kid = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (!HexBytes.TryParse(text, bytes))
        {
            return false;
        }

        kid = Read(bytes);
        return true;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    public override string ToString() =>
        High.ToString("x16", CultureInfo.InvariantCulture)
        + Low.ToString("x16", CultureInfo.InvariantCulture);
}
