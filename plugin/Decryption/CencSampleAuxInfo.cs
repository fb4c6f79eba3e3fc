using System.Buffers.Binary;
using Decryptor.Crypto;
using Decryptor.IsoBmff;

namespace Decryptor.Decryption;

/// <summary>
/// Reads one sample's CENC auxiliary information (ISO/IEC 23001-7 §7.2): the IV, then, when
/// present, subsample_count and (BytesOfClearData, BytesOfProtectedData) pairs.
/// </summary>
internal static class CencSampleAuxInfo
{
    private const int SubsampleEntrySize = 6;

    /// <summary>
    /// Parses <paramref name="aux"/> into <paramref name="subsamples"/> (grown if too small)
    /// and checks that the subsamples cover exactly <paramref name="sampleSize"/> bytes.
    /// Returns the subsample count (0 = the whole sample is protected).
    /// </summary>
    public static int Parse(ReadOnlySpan<byte> aux, int ivSize, int sampleSize, long auxOffset,
        SampleLabel label, ref SubsampleEntry[] subsamples)
    {
        if (aux.Length < ivSize)
        {
            throw new Mp4FormatException("senc", auxOffset, "InitializationVector",
                $"{label} has {aux.Length} bytes of auxiliary information, fewer than its "
                + $"{ivSize}-byte IV");
        }

        var rest = aux[ivSize..];
        if (rest.IsEmpty)
        {
            return 0;
        }

        if (rest.Length < 2)
        {
            throw new Mp4FormatException("senc", auxOffset + ivSize, "subsample_count",
                $"{label}: {rest.Length} stray byte after the IV");
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(rest);
        if (rest.Length != 2 + count * SubsampleEntrySize)
        {
            throw new Mp4FormatException("senc", auxOffset + ivSize, "subsample_count",
                $"{label}: {count} subsamples need {2 + count * SubsampleEntrySize} bytes, the "
                + $"auxiliary information has {rest.Length} after the IV");
        }

        if (subsamples.Length < count)
        {
            subsamples = new SubsampleEntry[Math.Max(count, subsamples.Length * 2)];
        }

        var covered = 0L;
        for (var i = 0; i < count; i++)
        {
            var entry = rest.Slice(2 + i * SubsampleEntrySize, SubsampleEntrySize);
            subsamples[i] = new SubsampleEntry(BinaryPrimitives.ReadUInt16BigEndian(entry),
                BinaryPrimitives.ReadUInt32BigEndian(entry[2..]));
            covered += subsamples[i].BytesOfClearData + (long)subsamples[i].BytesOfProtectedData;
        }

        if (covered != sampleSize)
        {
            throw new Mp4FormatException("senc", auxOffset + ivSize, "BytesOfProtectedData",
                $"{label}: the {count} subsamples cover {covered} bytes, the sample has "
                + $"{sampleSize}");
        }

        return count;
    }
}
