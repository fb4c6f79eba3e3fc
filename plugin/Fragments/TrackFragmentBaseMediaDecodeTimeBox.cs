using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>
/// `tfdt` (ISO/IEC 14496-12 §8.8.12): decode time of the fragment's first sample.
/// </summary>
public static class TrackFragmentBaseMediaDecodeTimeBox
{
    public static ulong ParseBaseMediaDecodeTime(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        return reader.ReadUIntByVersion(version, "baseMediaDecodeTime");
    }
}
