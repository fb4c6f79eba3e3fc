using Decryptor.Index;
using Decryptor.Keys;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// The per-sample `seig` sample groups (ISO/IEC 23001-7 §6, key rotation) that FFmpeg 5.1's mov
/// demuxer ignores: its side data always names the `tenc` default KID. Read from the file by
/// Decryptor's own index and looked up by track and packet position (AVPacket.pos).
/// </summary>
public sealed class SampleGroupEncryption
{
    private readonly Dictionary<(uint TrackId, long Offset), (bool IsProtected, KeyId Kid)>
        _samples = [];

    private SampleGroupEncryption()
    {
    }

    /// <summary>True when no sample of the file belongs to a `seig` group.</summary>
    public bool IsEmpty => _samples.Count == 0;

    /// <summary>Indexes the sample groups of the MP4 file at <paramref name="path"/>.</summary>
    public static SampleGroupEncryption FromFile(string path)
    {
        using var index = MovieIndex.Open(path);
        return FromIndex(index);
    }

    public static SampleGroupEncryption FromIndex(MovieIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);

        var result = new SampleGroupEncryption();
        foreach (var track in index.Tracks)
        {
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var sample = track.Samples[i];
                var defaults = track.EncryptionDefaultsOf(sample);
                var trackDefaults = track.ProtectionOf(sample)?.TrackDefaults;

                // Only samples whose group overrides `tenc` differ from what FFmpeg reports.
                if (defaults is not null && !ReferenceEquals(defaults, trackDefaults))
                {
                    result._samples[(track.TrackId, sample.Offset)] =
                        (defaults.IsProtected, defaults.Kid);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The group's protection of the sample stored at <paramref name="offset"/>, or false when
    /// the sample follows its `tenc`.
    /// </summary>
    public bool TryGet(uint trackId, long offset, out bool isProtected, out KeyId kid)
    {
        var found = _samples.TryGetValue((trackId, offset), out var entry);
        (isProtected, kid) = entry;
        return found;
    }
}
