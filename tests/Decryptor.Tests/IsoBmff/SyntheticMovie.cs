using Decryptor.Index;
using Decryptor.IsoBmff;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.IsoBmff;

/// <summary>Hand-assembled movie boxes for whole-file tests.</summary>
internal static class SyntheticMovie
{
    public const string KidHex = "00112233445566778899aabbccddeeff";
    public const string KeyHex = "2b7e151628aed2a6abf7158809cf4f3c";

    /// <summary>20 bytes.</summary>
    public static byte[] Ftyp() => Box("ftyp", new B().Type("isom").U32(0).Type("isom"));

    public static byte[] Mvhd() => FullBox("mvhd", 0, 0,
        new B().U32(0).U32(0).U32(1000).U32(0).U32(0x00010000).U16(0x0100).Zeros(10)
            .Zeros(36).Zeros(24).U32(3));

    public static byte[] Tkhd(uint trackId) => FullBox("tkhd", 0, 3,
        new B().U32(0).U32(0).U32(trackId).U32(0).U32(0).Zeros(60));

    public static byte[] Mdhd(uint timescale) => FullBox("mdhd", 0, 0,
        new B().U32(0).U32(0).U32(timescale).U32(0).U16(0x55C4).U16(0));

    public static byte[] Hdlr() =>
        FullBox("hdlr", 0, 0, new B().U32(0).Type("vide").Zeros(12).Raw("v\0"u8.ToArray()));

    /// <summary>A VisualSampleEntry: 8 + 70 bytes of fields, then its child boxes.</summary>
    public static byte[] VideoEntry(string format, params byte[][] children) =>
        Box(format, new B().Zeros(6).U16(1).Zeros(70), Concat(children));

    public static byte[] Stsd(params byte[][] entries) =>
        FullBox("stsd", 0, 0, new B().U32((uint)entries.Length), Concat(entries));

    public static byte[] Sinf(string scheme, byte[] tenc) => Box("sinf",
        Box("frma", new B().Type("avc1")),
        FullBox("schm", 0, 0, new B().Type(scheme).U32(0x00010000)),
        Box("schi", tenc));

    /// <summary>tenc v0: protected, the given IV size, <see cref="KidHex"/>.</summary>
    public static byte[] Tenc(int ivSize, string kidHex = KidHex) =>
        FullBox("tenc", 0, 0, new B().U8(0).U8(0).U8(1).U8(ivSize).Hex(kidHex));

    public static byte[] EncryptedEntry(int ivSize = 8) =>
        VideoEntry("encv", Sinf("cenc", Tenc(ivSize)));

    public static byte[] EmptyTables() => Concat(
        FullBox("stts", 0, 0, new B().U32(0)),
        FullBox("stsc", 0, 0, new B().U32(0)),
        FullBox("stsz", 0, 0, new B().U32(0).U32(0)),
        FullBox("stco", 0, 0, new B().U32(0)));

    public static byte[] Trak(uint trackId, params byte[][] stblChildren) => Box("trak",
        Tkhd(trackId),
        Box("mdia", Mdhd(90000), Hdlr(), Box("minf", Box("stbl", stblChildren))));

    public static byte[] Moov(params byte[][] children) => Box("moov", Mvhd(), Concat(children));

    /// <summary>trex with description 1, the given duration and size, sync flags 0.</summary>
    public static byte[] Trex(uint trackId, uint duration, uint size) =>
        FullBox("trex", 0, 0, new B().U32(trackId).U32(1).U32(duration).U32(size).U32(0));

    public static byte[] Mvex(params byte[][] trex) => Box("mvex", trex);

    public static byte[] Mfhd(uint sequence) => FullBox("mfhd", 0, 0, new B().U32(sequence));

    public static byte[] Tfdt(ulong time) => FullBox("tfdt", 1, 0, new B().U64(time));

    /// <summary>trun with sample sizes only (flags 0x200), plus data_offset when given.</summary>
    public static byte[] Trun(int? dataOffset, params uint[] sizes)
    {
        var fields = new B().U32((uint)sizes.Length);
        if (dataOffset is { } offset)
        {
            fields.I32(offset);
        }

        foreach (var size in sizes)
        {
            fields.U32(size);
        }

        return FullBox("trun", 0, dataOffset is null ? 0x200u : 0x201u, fields);
    }

    public static MovieIndex Open(byte[] file) =>
        MovieIndex.Open(new SourceStream(new MemoryStream(file)));

    /// <summary>Where <paramref name="needle"/> is in <paramref name="file"/> (unique).</summary>
    public static int IndexOf(byte[] file, byte[] needle)
    {
        var at = file.AsSpan().IndexOf(needle);
        if (at < 0 || file.AsSpan(at + 1).IndexOf(needle) >= 0)
        {
            throw new InvalidOperationException("The marker is not unique in the file.");
        }

        return at;
    }
}
