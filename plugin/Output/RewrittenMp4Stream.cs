using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// A read-only, seekable clear MP4 view of a file whose clear samples are shorter than the
/// stored ones (ISMACryp, OMA PDCF). The view is the bytes before `moov`, a new `moov` built in
/// memory (<see cref="MovieBoxRewriter"/>), then the bytes after the old `moov`, moved by the
/// change in its size. Each clear sample is laid over its stored payload; Common Encryption
/// samples of other tracks are decrypted in place. Only sample metadata is held in memory.
/// </summary>
public sealed class RewrittenMp4Stream : ReadOnlySeekableStream
{
    private readonly MovieIndex _index;
    private readonly SampleDecryptor _decryptor;
    private readonly bool _ownsDecryptor;
    private readonly byte[] _moov;
    private readonly MovedMovieBox _moved;
    private readonly ClearViewPatchSet _patches;
    private readonly ClearSampleRegions _regions;

    // The clear bytes of the last sample that a read window needed whole, for the next window.
    private byte[] _clear = [];
    private int _clearRegion = -1;

    public RewrittenMp4Stream(MovieIndex index, SampleDecryptor decryptor,
        bool ownsDecryptor = false)
    {
        _index = index;
        _decryptor = decryptor;
        _ownsDecryptor = ownsDecryptor;
        RefuseFragments(index);

        var moov = index.TopLevelBoxes.First(b => b.Type == BoxTypes.Moov);
        var layouts = index.Tracks.Select(t => ClearSampleLayout.Build(t, decryptor)).ToArray();
        (_moov, _moved) = MovieBoxRewriter.Rewrite(index, moov, layouts);

        // Patches inside the old moov are already in the new one; the others move with it.
        var moved = _moved;
        _patches = new ClearViewPatchSet(index.ClearViewPatches
            .Where(p => !moved.Contains(p.Offset))
            .Select(p => p with { Offset = moved.Map(p.Offset) }));
        _regions = ClearSampleRegions.Build(index, layouts, moved);
    }

    public override long Length => _index.Source.Length + _moved.Delta;

    public override int Read(Span<byte> buffer)
    {
        var position = Position;
        if (position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var window = buffer[..(int)Math.Min(buffer.Length, Length - position)];
        CopyStored(position, window);

        _patches.Apply(position, window);

        FillClearSamples(position, window);
        Position = position + window.Length;
        return window.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsDecryptor)
        {
            _decryptor.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void RefuseFragments(MovieIndex index)
    {
        if (!index.IsFragmented)
        {
            return;
        }

        var track = index.Tracks.FirstOrDefault(ClearSampleLayout.HasSampleHeaders);
        if (track is not null)
        {
            var moof = index.TopLevelBoxes.First(b => b.Type == BoxTypes.Moof);
            throw new Mp4NotSupportedException("moof", moof.Offset, null,
                $"track {track.TrackId} uses scheme '{track.Protection!.SchemeType}' in a "
                + "fragmented file; its clear samples are shorter, and the clear view does "
                + "not rewrite 'trun' sizes and data offsets");
        }
    }

    /// <summary>The view's bytes before any sample is decrypted.</summary>
    private void CopyStored(long start, Span<byte> window)
    {
        var moovStart = _moved.Old.Offset;
        for (var done = 0; done < window.Length;)
        {
            var at = start + done;
            var part = window[done..];
            if (at < moovStart)
            {
                part = part[..(int)Math.Min(part.Length, moovStart - at)];
                _index.Source.ReadExactly(at, part);
            }
            else if (at < _moved.NewEnd)
            {
                var from = _moov.AsSpan((int)(at - moovStart));
                part = part[..Math.Min(part.Length, from.Length)];
                from[..part.Length].CopyTo(part);
            }
            else
            {
                _index.Source.ReadExactly(at - _moved.Delta, part);
            }

            done += part.Length;
        }
    }

    private void FillClearSamples(long start, Span<byte> window)
    {
        var end = start + window.Length;
        for (var r = _regions.FirstEndingAfter(start); r < _regions.Count; r++)
        {
            var region = _regions[r];
            if (region.Start >= end)
            {
                break;
            }

            if (region.InPlace && region.Start >= start && region.End <= end)
            {
                var sample = region.Track.Samples[region.SampleIndex];
                _decryptor.DecryptInPlace(region.Track, sample,
                    window.Slice((int)(region.Start - start), region.Length));
                continue;
            }

            var from = Math.Max(start, region.Start);
            var to = Math.Min(end, region.End);
            ClearBytesOf(r, region).Slice((int)(from - region.Start), (int)(to - from))
                .CopyTo(window[(int)(from - start)..]);
        }
    }

    private ReadOnlySpan<byte> ClearBytesOf(int r, ClearSampleRegions.Region region)
    {
        if (_clearRegion != r)
        {
            var size = region.Track.Samples[region.SampleIndex].Size;
            if (_clear.Length < size)
            {
                _clear = new byte[size];
            }

            _clearRegion = -1;
            var length = _decryptor.ReadClearSample(region.Track, region.SampleIndex, _clear);
            if (length != region.Length)
            {
                var sample = region.Track.Samples[region.SampleIndex];
                throw new Mp4FormatException("sample", sample.Offset, null,
                    $"sample {sample.Number} of track {region.Track.TrackId} decrypted to "
                    + $"{length} bytes, not the {region.Length} its header promised");
            }

            _clearRegion = r;
        }

        return _clear.AsSpan(0, region.Length);
    }
}
