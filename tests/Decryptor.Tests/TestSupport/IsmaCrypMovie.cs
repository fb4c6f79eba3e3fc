using System.Buffers.Binary;
using static Decryptor.Tests.IsoBmff.SyntheticMovie;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// A hand-made, non-fragmented movie with one ISMACryp (`iAEC`) video track whose samples
/// are [IV = u64be BSO][key indicator][AES-CTR payload], encrypted with
/// <see cref="HeaderSchemeReference.IsmaCtr"/>. No known tool writes key indicators other
/// than 0, so this is how they are tested.
/// </summary>
internal sealed class IsmaCrypMovie
{
    /// <summary>ftyp (20 bytes) and the mdat header (8): sample data starts here.</summary>
    public const int DataStart = 28;

    public const uint TrackId = 1;

    private IsmaCrypMovie(byte[] file, byte[][] payloads, byte[] keyIndicators)
    {
        File = file;
        Payloads = payloads;
        KeyIndicators = keyIndicators;
    }

    public byte[] File { get; }

    /// <summary>The clear payload of each sample.</summary>
    public byte[][] Payloads { get; }

    /// <summary>The key indicator each sample names.</summary>
    public byte[] KeyIndicators { get; }

    /// <param name="keys">Key per key indicator.</param>
    /// <param name="salt">The `iSLT` salt, or null to write no `iSLT` box.</param>
    /// <param name="keyIndicators">The key indicator of each sample (1 byte each).</param>
    /// <param name="payloadSizes">The clear payload size of each sample.</param>
    /// <param name="seed">Seeds the random payload bytes.</param>
    /// <param name="encryptionSalt">The salt to encrypt with; <paramref name="salt"/> if null.
    /// </param>
    public static IsmaCrypMovie Create(IReadOnlyDictionary<byte, byte[]> keys, byte[]? salt,
        byte[] keyIndicators, int[] payloadSizes, int seed, byte[]? encryptionSalt = null)
    {
        var random = new Random(seed);
        var payloads = payloadSizes.Select(n => HeaderSchemeReference.RandomBytes(random, n))
            .ToArray();
        var cipherSalt = encryptionSalt ?? salt
            ?? throw new ArgumentException("A salt is needed to encrypt.", nameof(salt));
        var data = new B();
        var sizes = new B().U32(0).U32((uint)payloads.Length);
        var byteStreamOffset = 0UL;
        for (var i = 0; i < payloads.Length; i++)
        {
            var ki = keyIndicators[i];
            var iv = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(iv, byteStreamOffset);
            var ciphertext = HeaderSchemeReference.IsmaCtr(keys[ki], cipherSalt,
                byteStreamOffset, payloads[i]);
            data.Raw(iv).U8(ki).Raw(ciphertext);
            sizes.U32((uint)(8 + 1 + ciphertext.Length));
            byteStreamOffset += (ulong)payloads[i].Length;
        }

        var schi = salt is null
            ? Box("schi", IsmaSampleFormat(keyIndicatorLength: 1, ivLength: 8))
            : Box("schi", IsmaSampleFormat(keyIndicatorLength: 1, ivLength: 8),
                Box("iSLT", salt));
        var sinf = Box("sinf",
            Box("frma", new B().Type("avc1")),
            FullBox("schm", 0, 0, new B().Type("iAEC").U32(0x00010000)),
            schi);
        var moov = Moov(Trak(TrackId,
            Stsd(VideoEntry("encv", sinf)),
            FullBox("stts", 0, 0, new B().U32(1).U32((uint)payloads.Length).U32(3000)),
            FullBox("stss", 0, 0, new B().U32(1).U32(1)),
            FullBox("stsc", 0, 0, new B().U32(1).U32(1).U32((uint)payloads.Length).U32(1)),
            FullBox("stsz", 0, 0, sizes),
            FullBox("stco", 0, 0, new B().U32(1).U32(DataStart))));
        var file = Concat(Ftyp(), Box("mdat", data), moov);
        return new IsmaCrypMovie(file, payloads, keyIndicators);
    }

    /// <summary>`iSFM`: not selective, the given key indicator and IV lengths.</summary>
    public static byte[] IsmaSampleFormat(int keyIndicatorLength, int ivLength) =>
        FullBox("iSFM", 0, 0, new B().U8(0).U8(keyIndicatorLength).U8(ivLength));

    /// <summary>Writes the movie to a temporary file (for the command line).</summary>
    public string WriteTemporary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"isma-ki-{Guid.NewGuid():N}.mp4");
        System.IO.File.WriteAllBytes(path, File);
        return path;
    }
}
