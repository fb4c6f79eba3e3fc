using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Protection;

/// <summary>
/// `senc` (ISO/IEC 23001-7 §7.2) and the PIFF 1.1 sample encryption uuid box: each sample's
/// IV and subsample map. PIFF flag 0x1 overrides AlgorithmID, IV size and KID for the box.
/// </summary>
public sealed record SampleEncryptionBox(
    BoxHeader Header,
    uint Flags,
    uint? OverrideAlgorithmId,
    byte? OverrideIvSize,
    KeyId? OverrideKid,
    uint SampleCount,
    long EntriesOffset)
{
    public const uint OverrideTrackEncryptionBoxParameters = 0x1;
    public const uint UseSubSampleEncryption = 0x2;

    public bool HasSubsamples => (Flags & UseSubSampleEncryption) != 0;

    /// <summary>
    /// Reads the fields before the entries; the reader is left at the first entry.
    /// </summary>
    public static SampleEncryptionBox Parse(ref BoxDataReader reader, BoxHeader header)
    {
        // GPAC writes the PIFF box with version 1; the fields do not depend on the version.
        var (_, flags) = reader.ReadFullBoxHeader();
        uint? algorithmId = null;
        byte? ivSize = null;
        KeyId? kid = null;
        if ((flags & OverrideTrackEncryptionBoxParameters) != 0)
        {
            algorithmId = reader.ReadUInt24("AlgorithmID");
            ivSize = TrackEncryptionBox.ReadIvSize(ref reader, algorithmId != 0, "IV_size");
            kid = KeyId.Read(reader.ReadBytes(KeyId.Size, "KID"));
        }

        // Entries may be empty (constant IV, no subsamples), so the box size bounds nothing
        // here; LocateEntries checks the count against the samples of the container.
        var sampleCount = reader.ReadUInt32("sample_count");
        return new SampleEncryptionBox(header, flags, algorithmId, ivSize, kid, sampleCount,
            reader.Offset);
    }

    /// <summary>
    /// Finds the entries of the <paramref name="sampleCount"/> samples of the container in
    /// <paramref name="entries"/> (the bytes from <see cref="EntriesOffset"/> to the box end),
    /// given each sample's IV size.
    /// </summary>
    public AuxInfoLocation[] LocateEntries(
        ReadOnlySpan<byte> entries, int sampleCount, Func<int, int> ivSizeOf)
    {
        var reader = new BoxDataReader(entries, EntriesOffset, "senc");
        if (SampleCount < sampleCount)
        {
            throw reader.Malformed("sample_count",
                $"holds {SampleCount} entries for the {sampleCount} samples of its container");
        }

        var count = sampleCount;
        var locations = new AuxInfoLocation[count];
        for (var i = 0; i < count; i++)
        {
            var start = reader.Offset;
            reader.Skip(ivSizeOf(i), "InitializationVector");
            if (HasSubsamples)
            {
                var subsamples = reader.ReadUInt16("subsample_count");
                reader.Skip(subsamples * 6, "subsample entries");
            }

            locations[i] = new AuxInfoLocation(start, (int)(reader.Offset - start));
        }

        return locations;
    }
}
