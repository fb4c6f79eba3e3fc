using Decryptor.Index;
using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// Where the clear view of a rewritten file holds decrypted bytes, sorted by view offset so
/// that a read window finds the regions it overlaps by binary search. A Common Encryption
/// sample keeps its size and is decrypted in place; a header-scheme sample's clear bytes start
/// at its payload and are shorter than the stored sample.
/// </summary>
internal sealed class ClearSampleRegions
{
    private readonly Region[] _regions;

    private ClearSampleRegions(Region[] regions)
    {
        _regions = regions;
    }

    public int Count => _regions.Length;

    public Region this[int i] => _regions[i];

    public static ClearSampleRegions Build(MovieIndex index,
        IReadOnlyList<ClearSampleLayout?> layouts, MovedMovieBox moved)
    {
        var regions = new List<Region>();
        for (var t = 0; t < index.Tracks.Count; t++)
        {
            var track = index.Tracks[t];
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var sample = track.Samples[i];
                if (moved.Overlaps(sample.Offset, sample.Size))
                {
                    throw new Mp4NotSupportedException("moov", moved.Old.Offset, null,
                        $"sample {sample.Number} of track {track.TrackId} lies inside 'moov', "
                        + "which the clear view rewrites");
                }

                if (RegionOf(track, i, sample, layouts[t], moved) is { Length: > 0 } region)
                {
                    regions.Add(region);
                }
            }
        }

        regions.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < regions.Count; i++)
        {
            if (regions[i].Start < regions[i - 1].End)
            {
                var (a, b) = (regions[i - 1], regions[i]);
                throw new Mp4FormatException("mdat", b.Track.Samples[b.SampleIndex].Offset, null,
                    $"sample {b.SampleIndex + 1} of track {b.Track.TrackId} overlaps sample "
                    + $"{a.SampleIndex + 1} of track {a.Track.TrackId}; their clear bytes "
                    + "would overwrite each other");
            }
        }

        return new ClearSampleRegions([.. regions]);
    }

    /// <summary>The first region whose bytes end after <paramref name="offset"/>.</summary>
    public int FirstEndingAfter(long offset) =>
        RangeSearch.FirstEndingAfter<Region>(_regions, offset, r => r.End);

    private static Region? RegionOf(Track track, int i, in Sample sample,
        ClearSampleLayout? layout, MovedMovieBox moved)
    {
        var protection = track.ProtectionOf(sample);
        if (protection is null || sample.Size == 0)
        {
            return null;
        }

        if (layout is not null && ClearSampleLayout.HasSampleHeaders(protection))
        {
            return new Region(moved.Map(sample.Offset) + layout.HeaderLengths[i],
                layout.ClearSizes[i], track, i, false);
        }

        if (!protection.IsCommonEncryption)
        {
            throw new Mp4NotSupportedException("schm", protection.Sinf.Header.Offset,
                "scheme_type", $"track {track.TrackId} uses scheme '{protection.SchemeType}', "
                + "which this decryptor does not handle");
        }

        return new Region(moved.Map(sample.Offset), sample.Size, track, i, true);
    }

    /// <param name="Start">View offset of the first clear byte.</param>
    /// <param name="Length">Clear bytes.</param>
    /// <param name="Track">The sample's track.</param>
    /// <param name="SampleIndex">The sample's index in the track.</param>
    /// <param name="InPlace">Whether the stored bytes at Start decrypt in place (CENC).</param>
    internal readonly record struct Region(long Start, int Length, Track Track,
        int SampleIndex, bool InPlace)
    {
        public long End => Start + Length;
    }
}
