using System.Buffers.Binary;
using Decryptor.IsoBmff;

namespace Decryptor.Decryption;

/// <summary>
/// GPAC's `264b` format: AVC samples whose 4-byte NAL lengths were each replaced by a
/// `00 00 00 01` start code before ISMACryp encryption. Turning the start codes back into
/// lengths restores standard `avc1` samples of the same size.
/// </summary>
public static class AnnexBSample
{
    public static readonly FourCC Format = FourCC.Parse("264b");

    public static readonly FourCC ClearFormat = FourCC.Parse("avc1");

    private static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    public static void ToLengthPrefixed(Span<byte> sample, long offset, string label)
    {
        var position = 0;
        while (position < sample.Length)
        {
            if (!sample[position..].StartsWith(StartCode))
            {
                throw new Mp4FormatException("sample", offset + position, "start code",
                    $"{label}: a 264b sample must hold 4-byte start codes; byte {position} "
                    + "does not start one");
            }

            var body = position + StartCode.Length;

            // Emulation prevention keeps 00 00 01 out of NAL payloads, so the next one found
            // starts the next NAL unit.
            var found = sample[body..].IndexOf(StartCode[1..]);
            var next = found < 0 ? sample.Length : body + found - 1;
            if (found >= 0 && (found == 0 || sample[next] != 0))
            {
                throw new Mp4NotSupportedException("sample", offset + body + found, "start code",
                    $"{label}: a 3-byte start code cannot become a 4-byte length in place");
            }

            BinaryPrimitives.WriteInt32BigEndian(sample[position..], next - body);
            position = next;
        }
    }
}
