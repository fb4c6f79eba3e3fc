namespace Decryptor.Index;

/// <summary>One stored sample as the index knows it (times in the track's timescale).</summary>
/// <param name="Index">Position in the track, from 0 (the sample number is Index + 1).</param>
/// <param name="Offset">Absolute file offset of the stored (possibly encrypted) bytes.</param>
/// <param name="Size">Stored size in bytes.</param>
/// <param name="DecodeTime">Decode time.</param>
/// <param name="CompositionOffset">Presentation time minus decode time.</param>
/// <param name="Duration">Sample duration.</param>
/// <param name="IsSync">Whether decoding can start here.</param>
/// <param name="SampleDescriptionIndex">The `stsd` entry (from 1) that describes it.</param>
public readonly record struct Sample(
    int Index,
    long Offset,
    int Size,
    long DecodeTime,
    int CompositionOffset,
    uint Duration,
    bool IsSync,
    int SampleDescriptionIndex)
{
    public int Number => Index + 1;

    public long PresentationTime => DecodeTime + CompositionOffset;
}
