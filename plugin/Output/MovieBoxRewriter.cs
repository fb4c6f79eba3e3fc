using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Movie;
using Decryptor.Protection;

namespace Decryptor.Output;

/// <summary>
/// Builds the clear view's `moov` (DESIGN: a clear view that keeps offsets). The old `moov` is
/// copied with the clear-view patches applied; `moov`, `trak`, `mdia`, `minf` and `stbl` are
/// re-serialized with new sizes, every other box is copied verbatim. Tracks with a sample
/// header scheme get clear sizes and one chunk per sample pointing past its header; every
/// chunk offset after the old `moov` moves by the change in its size.
/// </summary>
internal sealed class MovieBoxRewriter
{
    private readonly MovieIndex _index;
    private readonly BoxHeader _moov;
    private readonly byte[] _bytes;
    private readonly IReadOnlyList<ClearSampleLayout?> _layouts;
    private readonly HashSet<int> _wide = [];
    private readonly HashSet<int> _needWide = [];
    private MovedMovieBox _moved;
    private int _track = -1;

    private MovieBoxRewriter(MovieIndex index, BoxHeader moov,
        IReadOnlyList<ClearSampleLayout?> layouts)
    {
        _index = index;
        _moov = moov;
        _layouts = layouts;
        _bytes = ReadPatched(index, moov);
    }

    /// <summary>
    /// The new `moov` of <paramref name="index"/> and where it moves the rest of the file.
    /// <paramref name="layouts"/> has one entry per track, null for tracks kept as they are.
    /// </summary>
    public static (byte[] Moov, MovedMovieBox Moved) Rewrite(MovieIndex index, BoxHeader moov,
        IReadOnlyList<ClearSampleLayout?> layouts)
    {
        var rewriter = new MovieBoxRewriter(index, moov, layouts);

        // Offsets depend on the new size, and the size on which tables need co64; the set of
        // co64 tables only grows, so this settles within a few rounds.
        var size = moov.Size;
        while (true)
        {
            var moved = new MovedMovieBox(moov, size);
            var bytes = rewriter.Build(moved);
            if (rewriter._needWide.Count == 0 && bytes.Length == size)
            {
                return (bytes, moved);
            }

            rewriter._wide.UnionWith(rewriter._needWide);
            size = bytes.Length;
        }
    }

    private static byte[] ReadPatched(MovieIndex index, BoxHeader moov)
    {
        if (moov.Size > MovieBuffer.MaxSize)
        {
            throw new Mp4NotSupportedException("moov", moov.Offset, "size",
                $"a {moov.Size}-byte 'moov' box is larger than the {MovieBuffer.MaxSize} bytes "
                + "this reader holds in memory");
        }

        var bytes = new byte[moov.Size];
        index.Source.ReadExactly(moov.Offset, bytes);
        foreach (var patch in index.ClearViewPatches)
        {
            if (patch.Offset >= moov.Offset && patch.Offset + 4 <= moov.End)
            {
                patch.NewType.Write(bytes.AsSpan((int)(patch.Offset - moov.Offset)));
            }
        }

        // GPAC's ISMACryp `264b` samples come out with 4-byte NAL lengths: plain `avc1`.
        foreach (var track in index.Tracks)
        {
            for (var e = 0; e < track.SampleEntries.Count; e++)
            {
                if (track.EntryProtection[e] is { } protection
                    && protection.SchemeType == SchemeTypes.IsmaCryp
                    && protection.OriginalFormat == AnnexBSample.Format)
                {
                    var at = track.SampleEntries[e].Header.Offset + 4 - moov.Offset;
                    AnnexBSample.ClearFormat.Write(bytes.AsSpan((int)at));
                }
            }
        }

        return bytes;
    }

    private byte[] Build(MovedMovieBox moved)
    {
        _moved = moved;
        _needWide.Clear();
        _track = -1;
        var writer = new BoxWriter();
        WriteContainer(writer, _moov);
        return writer.ToArray();
    }

    private ReadOnlySpan<byte> PayloadOf(BoxHeader box) =>
        _bytes.AsSpan((int)(box.PayloadOffset - _moov.Offset), (int)box.PayloadSize);

    private void WriteContainer(BoxWriter writer, BoxHeader box)
    {
        var start = writer.Begin(box.Type);
        var children = new BoxIterator(PayloadOf(box), box.PayloadOffset, box.Type.ToString());
        while (children.MoveNext())
        {
            var child = children.Current;
            if (child.Type == BoxTypes.Trak)
            {
                // Tracks are indexed in `trak` order (MovieIndex.Build).
                _track++;
                WriteContainer(writer, child);
            }
            else if (child.Type == BoxTypes.Mdia || child.Type == BoxTypes.Minf)
            {
                WriteContainer(writer, child);
            }
            else if (child.Type == BoxTypes.Stbl && _track >= 0)
            {
                WriteSampleTable(writer, child);
            }
            else
            {
                writer.Write(children.CurrentBox);
            }
        }

        writer.End(start, box.Offset);
    }

    private void WriteSampleTable(BoxWriter writer, BoxHeader stbl)
    {
        var track = _index.Tracks[_track];
        var layout = _layouts[_track];
        var start = writer.Begin(BoxTypes.Stbl);
        var children = new BoxIterator(PayloadOf(stbl), stbl.PayloadOffset, "stbl");
        while (children.MoveNext())
        {
            var child = children.Current;
            if (layout is not null && (child.Type == BoxTypes.Stsz || child.Type == BoxTypes.Stz2))
            {
                SampleTableBoxWriter.WriteSampleSizes(writer, layout.ClearSizes, child.Offset);
            }
            else if (layout is not null && child.Type == BoxTypes.Stsc)
            {
                SampleTableBoxWriter.WriteOneSamplePerChunk(writer,
                    DescriptionIndexes(track), child.Offset);
            }
            else if (child.Type == BoxTypes.Stco || child.Type == BoxTypes.Co64)
            {
                var offsets = layout is null
                    ? MovedChunkOffsets(child, children.CurrentPayload)
                    : SampleChunkOffsets(track, layout);
                WriteChunkOffsets(writer, child, offsets);
            }
            else
            {
                writer.Write(children.CurrentBox);
            }
        }

        writer.End(start, stbl.Offset);
    }

    private void WriteChunkOffsets(BoxWriter writer, BoxHeader box, long[] offsets)
    {
        var wide = box.Type == BoxTypes.Co64 || _wide.Contains(_track);
        if (!wide && SampleTableBoxWriter.NeedsWideOffsets(offsets))
        {
            _needWide.Add(_track);
            wide = true;
        }

        SampleTableBoxWriter.WriteChunkOffsets(writer, offsets, wide, box.Offset);
    }

    private long[] MovedChunkOffsets(BoxHeader box, ReadOnlySpan<byte> payload)
    {
        var reader = new BoxDataReader(payload, box);
        var offsets = ChunkOffsetBox.Parse(ref reader, box.Type == BoxTypes.Co64).ChunkOffsets;
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _moved.Map(offsets[i]);
        }

        return offsets;
    }

    private long[] SampleChunkOffsets(Track track, ClearSampleLayout layout)
    {
        var offsets = new long[track.Samples.Count];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = _moved.Map(track.Samples[i].Offset) + layout.HeaderLengths[i];
        }

        return offsets;
    }

    private static int[] DescriptionIndexes(Track track)
    {
        var indexes = new int[track.Samples.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = track.Samples[i].SampleDescriptionIndex;
        }

        return indexes;
    }
}
