using Decryptor.Fragments;
using Decryptor.IsoBmff;
using Decryptor.Movie;
using Microsoft.Extensions.Logging;

namespace Decryptor.Index;

/// <summary>Building the index: the top-level walk, `moov`, then each `moof`.</summary>
public sealed partial class MovieIndex
{
    private void Build(ILogger logger)
    {
        var moofs = new List<BoxHeader>();
        BoxHeader? moov = null;
        Span<byte> headerBytes = stackalloc byte[BoxHeaderParser.MaxHeaderSize];
        for (var offset = 0L; Source.Length - offset >= BoxHeaderParser.MinHeaderSize;)
        {
            var read = Source.ReadAtMost(offset, headerBytes);
            var box = BoxHeaderParser.Parse(headerBytes[..read], offset, Source.Length, "file");
            _topLevelBoxes.Add(box);
            if (box.Type == BoxTypes.Moov)
            {
                moov ??= box;
            }
            else if (box.Type == BoxTypes.Moof)
            {
                moofs.Add(box);
            }
            else
            {
                ReadTopLevelIndexBox(box);
            }

            offset = box.End;
        }

        if (moov is null)
        {
            throw new Mp4FormatException("file", 0, "moov",
                "there is no 'moov' box; a lone media segment needs its init segment (--init)");
        }

        var contexts = ParseMovie(MovieBuffer.Read(Source, moov.Value), logger);
        IsFragmented = moofs.Count > 0;
        var fragments = new FragmentParser(contexts, _patches, _systemHeaders, logger);
        foreach (var moof in moofs)
        {
            fragments.Parse(MovieBuffer.Read(Source, moof));
        }

        _patches.Sort((a, b) => a.Offset.CompareTo(b.Offset));
    }

    private void ReadTopLevelIndexBox(BoxHeader box)
    {
        if (box.Type == BoxTypes.Sidx)
        {
            var buffer = MovieBuffer.Read(Source, box);
            var reader = new BoxDataReader(buffer.PayloadOf(box), box);
            _segmentIndexes.Add(SegmentIndexBox.Parse(ref reader, box.End));
        }
        else if (box.Type == BoxTypes.Mfra)
        {
            var buffer = MovieBuffer.Read(Source, box);
            var children = new BoxIterator(buffer.PayloadOf(box), box.PayloadOffset, "mfra");
            while (children.MoveNext())
            {
                if (children.Current.Type == BoxTypes.Tfra)
                {
                    var reader = new BoxDataReader(children.CurrentPayload, children.Current);
                    _randomAccess.Add(TrackFragmentRandomAccessBox.Parse(ref reader));
                }
            }
        }
        else if (SystemHeaderBoxes.Is(box))
        {
            var buffer = MovieBuffer.Read(Source, box);
            SystemHeaderBoxes.Add(box, buffer.PayloadOf(box), _systemHeaders, _patches);
        }
    }

    private Dictionary<uint, (Track, SampleProtectionAssigner)> ParseMovie(
        MovieBuffer moov, ILogger logger)
    {
        var contexts = new Dictionary<uint, (Track, SampleProtectionAssigner)>();
        var budget = new SampleBudget(Source.Length);
        var extends = new List<TrackExtendsBox>();
        var children = new BoxIterator(moov.PayloadOf(moov.Box), moov.Box.PayloadOffset, "moov");
        while (children.MoveNext())
        {
            var child = children.Current;
            var reader = new BoxDataReader(children.CurrentPayload, child);
            if (child.Type == BoxTypes.Mvhd)
            {
                MovieTimescale = MovieHeaderBox.Parse(ref reader).Timescale;
            }
            else if (child.Type == BoxTypes.Trak)
            {
                var (track, assigner) = new TrackBoxParser(moov, _patches, budget, logger)
                    .Parse(child);
                if (!contexts.TryAdd(track.TrackId, (track, assigner)))
                {
                    throw new Mp4FormatException("tkhd", child.Offset, "track_ID",
                        $"track_ID {track.TrackId} is used by two tracks");
                }

                _tracks.Add(track);
            }
            else if (child.Type == BoxTypes.Mvex)
            {
                ReadMovieExtends(moov, child, extends);
            }
            else if (SystemHeaderBoxes.Is(child))
            {
                SystemHeaderBoxes.Add(child, children.CurrentPayload, _systemHeaders,
                    _patches);
            }
        }

        foreach (var trex in extends)
        {
            if (contexts.TryGetValue(trex.TrackId, out var context))
            {
                context.Item1.Extends = trex;
            }
        }

        return contexts;
    }

    private static void ReadMovieExtends(
        MovieBuffer moov, BoxHeader mvex, List<TrackExtendsBox> extends)
    {
        var children = new BoxIterator(moov.PayloadOf(mvex), mvex.PayloadOffset, "mvex");
        while (children.MoveNext())
        {
            if (children.Current.Type == BoxTypes.Trex)
            {
                var reader = new BoxDataReader(children.CurrentPayload, children.Current);
                extends.Add(TrackExtendsBox.Parse(ref reader));
            }
        }
    }
}
