using Decryptor.Index;
using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// Every encrypted sample of the file sorted by file offset, so that a read window finds the
/// samples it overlaps by binary search.
/// </summary>
internal sealed class ProtectedSampleMap
{
    private readonly (long Offset, long End, Track Track, int Index)[] _entries;

    private ProtectedSampleMap((long, long, Track, int)[] entries)
    {
        _entries = entries;
    }

    public int Count => _entries.Length;

    public (Track Track, Sample Sample) this[int entry] =>
        (_entries[entry].Track, _entries[entry].Track.Samples[_entries[entry].Index]);

    public static ProtectedSampleMap Build(MovieIndex index)
    {
        var entries = new List<(long, long, Track, int)>();
        foreach (var track in index.Tracks)
        {
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var sample = track.Samples[i];
                if (track.ProtectionOf(sample) is not { } protection || sample.Size == 0)
                {
                    continue;
                }

                if (!protection.IsCommonEncryption)
                {
                    throw new Mp4NotSupportedException("schm", protection.Sinf.Header.Offset,
                        "scheme_type", $"track {track.TrackId} uses scheme "
                        + $"'{protection.SchemeType}'; the offset-keeping clear view serves "
                        + "the Common Encryption family only");
                }

                entries.Add((sample.Offset, sample.Offset + sample.Size, track, i));
            }
        }

        entries.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Item1 < entries[i - 1].Item2)
            {
                var (offset, _, track, index2) = entries[i];
                throw new Mp4FormatException("mdat", offset, null,
                    $"sample {index2 + 1} of track {track.TrackId} overlaps sample "
                    + $"{entries[i - 1].Item4 + 1} of track {entries[i - 1].Item3.TrackId}; "
                    + "decrypting both in place would corrupt them");
            }
        }

        return new ProtectedSampleMap([.. entries]);
    }

    /// <summary>The first entry whose bytes end after <paramref name="offset"/>.</summary>
    public int FirstEndingAfter(long offset) =>
        RangeSearch.FirstEndingAfter<(long, long End, Track, int)>(_entries, offset, e => e.End);
}
