using System.Buffers.Binary;
using Decryptor.IsoBmff;
using Decryptor.Protection;

namespace Decryptor.Decryption;

/// <summary>
/// The header that ISMACryp (ISMA E&amp;A 1.1 §6.1) and OMA PDCF (OMA DRM 2.1 DCF §5.3) put at
/// the start of each sample: [selective byte, bit 7 = encrypted] then, when encrypted, the IV
/// (IV_length bytes) and the key indicator (key_indicator_length bytes).
/// </summary>
/// <param name="IsEncrypted">Whether the payload is encrypted.</param>
/// <param name="IvStart">Where the IV starts in the sample.</param>
/// <param name="IvLength">IV length; 0 for a clear sample.</param>
/// <param name="KeyIndicator">The key indicator, big-endian; 0 when absent.</param>
/// <param name="Length">Header length: the payload starts here.</param>
public readonly record struct SelfDescribingSampleHeader(
    bool IsEncrypted, int IvStart, int IvLength, ulong KeyIndicator, int Length)
{
    /// <summary>
    /// Reads the header of <paramref name="sample"/>; <paramref name="sampleOffset"/> and
    /// <paramref name="label"/> only serve error messages.
    /// </summary>
    public static SelfDescribingSampleHeader Parse(ReadOnlySpan<byte> sample,
        IsmaSampleFormatBox format, long sampleOffset, string label)
    {
        var position = 0;
        if (format.SelectiveEncryption)
        {
            Need(sample, 1, sampleOffset, label, "selective_encryption");
            if ((sample[0] & 0x80) == 0)
            {
                return new SelfDescribingSampleHeader(false, 1, 0, 0, 1);
            }

            position = 1;
        }

        var ivStart = position;
        var headerLength = position + format.IvLength + format.KeyIndicatorLength;
        Need(sample, headerLength, sampleOffset, label,
            format.KeyIndicatorLength > 0 ? "key_indicator" : "IV");
        var keyIndicator = 0UL;
        foreach (var b in sample.Slice(ivStart + format.IvLength, format.KeyIndicatorLength))
        {
            keyIndicator = keyIndicator << 8 | b;
        }

        return new SelfDescribingSampleHeader(true, ivStart, format.IvLength, keyIndicator,
            headerLength);
    }

    /// <summary>The IV read as a big-endian number (ISMACryp: the byte-stream offset).</summary>
    public ulong IvAsNumber(ReadOnlySpan<byte> sample)
    {
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        sample.Slice(IvStart, IvLength).CopyTo(padded[(8 - IvLength)..]);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }

    private static void Need(ReadOnlySpan<byte> sample, int length, long sampleOffset,
        string label, string field)
    {
        if (sample.Length < length)
        {
            throw new Mp4FormatException("sample header", sampleOffset, field,
                $"{label} is {sample.Length} bytes, too short for its {length}-byte "
                + "encryption header");
        }
    }
}
