using System.Buffers.Binary;
using System.Text;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Writes ISO-BMFF boxes big-endian, by hand, so that tests state their bytes independently of
/// the reader under test. Fields are appended fluently (<c>new BoxBuilder().U8(1).U32(2)</c>);
/// the static helpers wrap payloads into boxes.
/// </summary>
public sealed class BoxBuilder
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public static implicit operator byte[](BoxBuilder builder) => builder.ToArray();

    public byte[] ToArray() => [.. _bytes];

    public BoxBuilder U8(int value)
    {
        _bytes.Add(checked((byte)value));
        return this;
    }

    public BoxBuilder U16(int value)
    {
        var v = checked((ushort)value);
        _bytes.Add((byte)(v >> 8));
        _bytes.Add((byte)v);
        return this;
    }

    public BoxBuilder U24(uint value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 0xFFFFFFu);
        _bytes.Add((byte)(value >> 16));
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
        return this;
    }

    public BoxBuilder U32(uint value) => Raw(BigEndian32(value));

    public BoxBuilder I32(int value) => U32(unchecked((uint)value));

    public BoxBuilder U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return Raw(bytes);
    }

    /// <summary>A four-CC, as four ASCII bytes.</summary>
    public BoxBuilder Type(string fourCC)
    {
        if (fourCC.Length != 4)
        {
            throw new ArgumentException("A four-CC has 4 characters.", nameof(fourCC));
        }

        return Raw(Encoding.ASCII.GetBytes(fourCC));
    }

    /// <summary>Hex digits, spaces and dashes ignored ("8974dbce-7be7-...").</summary>
    public BoxBuilder Hex(string hex) => Raw(FromHex(hex));

    public BoxBuilder Raw(params byte[][] parts)
    {
        foreach (var part in parts)
        {
            _bytes.AddRange(part);
        }

        return this;
    }

    public BoxBuilder Zeros(int count) => Raw(new byte[count]);

    /// <summary>Version (8 bits) and flags (24 bits) of a FullBox.</summary>
    public BoxBuilder FullBoxHeader(int version, uint flags) => U8(version).U24(flags);

    /// <summary>A box with a 32-bit size: size, type, then the children or payload parts.</summary>
    public static byte[] Box(string type, params byte[][] children)
    {
        var payload = Concat(children);
        return new BoxBuilder().U32(checked((uint)(8 + payload.Length))).Type(type)
            .Raw(payload);
    }

    /// <summary>A FullBox: 32-bit size, type, version, flags, payload.</summary>
    public static byte[] FullBox(string type, int version, uint flags, params byte[][] payload) =>
        Box(type, new BoxBuilder().FullBoxHeader(version, flags), Concat(payload));

    /// <summary>A box with size field 1 and its real size in a 64-bit largesize.</summary>
    public static byte[] LargeBox(string type, params byte[][] children)
    {
        var payload = Concat(children);
        return new BoxBuilder().U32(1).Type(type).U64((ulong)(16 + payload.Length))
            .Raw(payload);
    }

    /// <summary>A box whose size field is 0: it runs to the end of its container or file.</summary>
    public static byte[] SizeZeroBox(string type, params byte[][] children) =>
        new BoxBuilder().U32(0).Type(type).Raw(Concat(children));

    /// <summary>A `uuid` box with the given extended type (hex, dashes allowed).</summary>
    public static byte[] UuidBox(string extendedType, params byte[][] payload)
    {
        var body = Concat(payload);
        return new BoxBuilder().U32(checked((uint)(24 + body.Length))).Type("uuid")
            .Hex(extendedType).Raw(body);
    }

    /// <summary>A `uuid` box whose payload starts with a FullBox version and flags.</summary>
    public static byte[] UuidFullBox(string extendedType, int version, uint flags,
        params byte[][] payload) =>
        UuidBox(extendedType, new BoxBuilder().FullBoxHeader(version, flags), Concat(payload));

    /// <summary>A box header with an arbitrary 32-bit size field, for malformed input.</summary>
    public static byte[] Header(uint size, string type) => new BoxBuilder().U32(size).Type(type);

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }

    public static byte[] FromHex(string hex) =>
        Convert.FromHexString(hex.Replace("-", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal));

    private static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
