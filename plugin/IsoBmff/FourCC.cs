using System.Buffers.Binary;

namespace Decryptor.IsoBmff;

/// <summary>A four-character code as stored big-endian in a box header or field.</summary>
public readonly record struct FourCC(uint Value)
{
    public static FourCC Parse(string text)
    {
        if (text.Length != 4)
        {
            throw new ArgumentException($"A four-CC has 4 characters, not '{text}'.", nameof(text));
        }

        return new FourCC(
            (uint)text[0] << 24 | (uint)text[1] << 16 | (uint)text[2] << 8 | text[3]);
    }

    public static FourCC Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(bytes));

    public void Write(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public override string ToString()
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var c = (char)(Value >> (24 - 8 * i) & 0xFF);
            chars[i] = c is >= ' ' and <= '~' ? c : '.';
        }

        return new string(chars);
    }
}
