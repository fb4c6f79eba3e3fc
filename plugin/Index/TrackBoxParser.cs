using Decryptor.IsoBmff;
using Decryptor.Movie;
using Decryptor.Protection;
using Microsoft.Extensions.Logging;

namespace Decryptor.Index;

/// <summary>
/// Reads one `trak` (ISO/IEC 14496-12 §8.3) from the in-memory `moov`: headers, sample
/// entries and their protection, the sample table, and the per-sample protection boxes.
/// </summary>
internal sealed class TrackBoxParser(MovieBuffer moov, List<ClearViewPatch> patches,
    SampleBudget budget, ILogger logger)
{
    private TrackHeaderBox? _header;
    private MediaHeaderBox? _mediaHeader;
    private HandlerBox? _handler;
    private BoxHeader? _stbl;
    private readonly ProtectionBoxSet _protection = new();

    public (Track Track, SampleProtectionAssigner Assigner) Parse(BoxHeader trak) =>
        OverflowIsMalformed.Run(trak, "trak", () => ParseTrack(trak));

    private (Track Track, SampleProtectionAssigner Assigner) ParseTrack(BoxHeader trak)
    {
        Walk(trak);
        var where = $"moov/trak@{trak.Offset}";
        if (_header is null || _mediaHeader is null || _handler is null || _stbl is null)
        {
            var missing = _header is null ? "tkhd" : _mediaHeader is null ? "mdhd"
                : _handler is null ? "hdlr" : "stbl";
            throw new Mp4FormatException("trak", trak.Offset, null,
                $"the track has no '{missing}' box");
        }

        var stbl = ReadSampleTableBoxes(_stbl.Value, _handler.HandlerType);
        var entries = stbl.Descriptions?.Entries ?? throw new Mp4FormatException("stbl",
            _stbl.Value.Offset, null, "the sample table has no 'stsd' box");
        var protection = entries.Select(FindProtection).ToList();
        var track = new Track(_header.TrackId, _handler, _mediaHeader, entries, protection,
            budget);
        var chunkStarts = stbl.Expand(track.Samples, $"track {_header.TrackId}",
            _stbl.Value.Offset);

        var assigner = new SampleProtectionAssigner(track, logger);
        assigner.RegisterMovieGroups(_protection.SeigDescriptions);

        // Without fragments, saio offsets are absolute (§8.7.9): base 0.
        assigner.Assign(_protection, 0, track.Samples.Count, chunkStarts, 0, 0, false,
            $"track {track.TrackId} stbl");
        return (track, assigner);
    }

    private void Walk(BoxHeader container)
    {
        var children = new BoxIterator(moov.PayloadOf(container), container.PayloadOffset,
            container.Type.ToString());
        while (children.MoveNext())
        {
            var child = children.Current;
            var reader = new BoxDataReader(children.CurrentPayload, child);
            if (child.Type == BoxTypes.Mdia || child.Type == BoxTypes.Minf)
            {
                Walk(child);
            }
            else if (child.Type == BoxTypes.Tkhd)
            {
                _header = TrackHeaderBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Mdhd)
            {
                _mediaHeader = MediaHeaderBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Hdlr)
            {
                _handler = HandlerBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Stbl)
            {
                _stbl = child;
            }
            else
            {
                // GPAC puts `senc` directly in `trak` (corpus README, quirks).
                _protection.TryAdd(child, children.CurrentPayload, patches);
            }
        }
    }

    private SampleTableBoxes ReadSampleTableBoxes(BoxHeader stbl, FourCC handlerType)
    {
        var boxes = new SampleTableBoxes();
        var children = new BoxIterator(moov.PayloadOf(stbl), stbl.PayloadOffset, "stbl");
        while (children.MoveNext())
        {
            var child = children.Current;
            var payload = children.CurrentPayload;
            var reader = new BoxDataReader(payload, child);
            if (child.Type == BoxTypes.Stsd)
            {
                boxes.Descriptions = SampleDescriptionBox.Parse(payload, child, handlerType);
            }
            else if (child.Type == BoxTypes.Stsz)
            {
                boxes.Sizes = SampleSizeBox.ParseStsz(ref reader);
            }
            else if (child.Type == BoxTypes.Stz2)
            {
                boxes.Sizes = SampleSizeBox.ParseStz2(ref reader);
            }
            else if (child.Type == BoxTypes.Stsc)
            {
                boxes.SampleToChunk = SampleToChunkBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Stco || child.Type == BoxTypes.Co64)
            {
                boxes.ChunkOffsets = ChunkOffsetBox.Parse(ref reader, child.Type == BoxTypes.Co64);
            }
            else if (child.Type == BoxTypes.Stts)
            {
                boxes.TimeToSample = TimeToSampleBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Ctts)
            {
                boxes.CompositionOffsets = CompositionOffsetBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Stss)
            {
                boxes.SyncSamples = SyncSampleBox.Parse(ref reader);
            }
            else
            {
                _protection.TryAdd(child, payload, patches);
            }
        }

        return boxes;
    }

    private TrackProtection? FindProtection(SampleEntry entry)
    {
        var children = new BoxIterator(moov.Slice(entry.ChildrenOffset, entry.Header.End),
            entry.ChildrenOffset, entry.Format.ToString());
        while (children.MoveNext())
        {
            var child = children.Current;
            if (child.Type != BoxTypes.Sinf)
            {
                continue;
            }

            var sinf = ProtectionSchemeInfoBox.Parse(children.CurrentPayload, child);
            patches.Add(new ClearViewPatch(entry.Header.Offset + 4, sinf.OriginalFormat,
                "sample entry format from frma"));
            patches.Add(ProtectionBoxSet.Hide(child, "sinf"));
            return new TrackProtection(entry, sinf);
        }

        return null;
    }

    /// <summary>The sample table boxes of one `stbl`, gathered before expansion.</summary>
    private sealed class SampleTableBoxes
    {
        public SampleDescriptionBox? Descriptions { get; set; }

        public SampleSizeBox? Sizes { get; set; }

        public SampleToChunkBox? SampleToChunk { get; set; }

        public ChunkOffsetBox? ChunkOffsets { get; set; }

        public TimeToSampleBox? TimeToSample { get; set; }

        public CompositionOffsetBox? CompositionOffsets { get; set; }

        public SyncSampleBox? SyncSamples { get; set; }

        public List<int> Expand(SampleTable table, string trak, long stblOffset)
        {
            // A track whose samples are all in fragments may have empty or absent tables.
            if (Sizes is null || Sizes.SampleCount == 0)
            {
                return [];
            }

            if (SampleToChunk is null || ChunkOffsets is null || TimeToSample is null)
            {
                var missing = SampleToChunk is null ? "stsc"
                    : ChunkOffsets is null ? "stco" : "stts";
                throw new Mp4FormatException("stbl", stblOffset, null,
                    $"{trak} has {Sizes.SampleCount} samples but no '{missing}' box");
            }

            return SampleTableExpander.Expand(table, Sizes, SampleToChunk, ChunkOffsets,
                TimeToSample, CompositionOffsets, SyncSamples, trak, stblOffset);
        }
    }
}
