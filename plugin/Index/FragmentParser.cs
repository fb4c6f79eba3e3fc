using Decryptor.Fragments;
using Decryptor.IsoBmff;
using Microsoft.Extensions.Logging;

namespace Decryptor.Index;

/// <summary>
/// Reads one `moof` (ISO/IEC 14496-12 §8.8.4) and appends its samples to the tracks, with
/// the data-offset rules of §8.8.7 and §8.8.8 and the per-sample protection of each `traf`.
/// </summary>
internal sealed class FragmentParser(
    IReadOnlyDictionary<uint, (Track Track, SampleProtectionAssigner Assigner)> tracks,
    List<ClearViewPatch> patches, List<Keys.ProtectionSystemHeader> systemHeaders,
    ILogger logger)
{
    private const uint SampleIsNonSyncSample = 0x00010000;

    public void Parse(MovieBuffer moof)
    {
        var box = moof.Box;
        var children = new BoxIterator(moof.PayloadOf(box), box.PayloadOffset, "moof");
        var previousTrafEnd = box.Offset;
        var firstTraf = true;
        while (children.MoveNext())
        {
            var child = children.Current;
            if (child.Type == BoxTypes.Traf)
            {
                var implicitBase = firstTraf ? box.Offset : previousTrafEnd;
                previousTrafEnd = OverflowIsMalformed.Run(child, "traf",
                    () => ParseTraf(moof, child, implicitBase));
                firstTraf = false;
            }
            else if (SystemHeaderBoxes.Is(child))
            {
                SystemHeaderBoxes.Add(child, children.CurrentPayload, systemHeaders,
                    patches);
            }
        }
    }

    /// <summary>Returns where this traf's data ends, the implicit base of the next traf.</summary>
    private long ParseTraf(MovieBuffer moof, BoxHeader traf, long implicitBase)
    {
        TrackFragmentHeaderBox? header = null;
        ulong? baseMediaDecodeTime = null;
        var runs = new List<TrackRunBox>();
        var protection = new ProtectionBoxSet();
        var children = new BoxIterator(moof.PayloadOf(traf), traf.PayloadOffset, "traf");
        while (children.MoveNext())
        {
            var child = children.Current;
            var reader = new BoxDataReader(children.CurrentPayload, child);
            if (child.Type == BoxTypes.Tfhd)
            {
                header = TrackFragmentHeaderBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Tfdt)
            {
                baseMediaDecodeTime =
                    TrackFragmentBaseMediaDecodeTimeBox.ParseBaseMediaDecodeTime(ref reader);
            }
            else if (child.Type == BoxTypes.Trun)
            {
                runs.Add(TrackRunBox.Parse(ref reader));
            }
            else
            {
                protection.TryAdd(child, children.CurrentPayload, patches);
            }
        }

        if (header is null)
        {
            throw new Mp4FormatException("traf", traf.Offset, null, "the 'traf' has no 'tfhd'");
        }

        if (!tracks.TryGetValue(header.TrackId, out var context))
        {
            logger.LogWarning("traf at byte {Offset} names track {TrackId}, which moov lacks; "
                + "skipped", traf.Offset, header.TrackId);
            return implicitBase;
        }

        // §8.8.7: base_data_offset if given, else the moof start with default-base-is-moof,
        // else the moof start for the first traf and the previous traf's data end after it.
        var moofStart = moof.Box.Offset;
        var baseOffset = header.BaseDataOffset is { } explicitBase
            ? checked((long)explicitBase)
            : header.IsDefaultBaseMoof ? moofStart : implicitBase;
        var track = context.Track;
        var first = track.Samples.Count;
        var runStarts = new List<int>();
        var end = AddSamples(track, header, runs, baseOffset,
            baseMediaDecodeTime is { } t ? checked((long)t) : track.Samples.EndDecodeTime,
            runStarts, traf.Offset);

        context.Assigner.Assign(protection, first, track.Samples.Count - first, runStarts,
            baseOffset, moofStart, true, $"track {track.TrackId} traf@{traf.Offset}");
        return end;
    }

    private static long AddSamples(Track track, TrackFragmentHeaderBox header,
        List<TrackRunBox> runs, long baseOffset, long decodeTime, List<int> runStarts,
        long trafOffset)
    {
        var defaults = track.Extends;
        var position = baseOffset;
        var added = 0;
        foreach (var run in runs)
        {
            runStarts.Add(added);
            if (run.DataOffset is { } dataOffset)
            {
                position = checked(baseOffset + dataOffset);
            }

            for (var i = 0; i < run.Samples.Length; i++)
            {
                var sample = run.Samples[i];
                var size = sample.Size ?? header.DefaultSampleSize ?? defaults?.DefaultSampleSize
                    ?? 0;
                var duration = sample.Duration ?? header.DefaultSampleDuration
                    ?? defaults?.DefaultSampleDuration ?? 0;
                var flags = i == 0 && run.FirstSampleFlags is { } firstFlags ? firstFlags
                    : sample.Flags ?? header.DefaultSampleFlags ?? defaults?.DefaultSampleFlags
                    ?? 0;
                if (size > int.MaxValue || position < 0)
                {
                    throw new Mp4FormatException("trun", trafOffset, "sample_size",
                        $"sample {track.Samples.Count + 1} of track {track.TrackId} has size "
                        + $"{size} at offset {position}");
                }

                var descriptionIndex = header.SampleDescriptionIndex
                    ?? defaults?.DefaultSampleDescriptionIndex ?? 1;
                track.Samples.Add(position, (int)size, decodeTime, sample.CompositionTimeOffset,
                    duration, (flags & SampleIsNonSyncSample) == 0, (int)descriptionIndex,
                    "trun", trafOffset);
                position = checked(position + size);
                decodeTime = checked(decodeTime + duration);
                added++;
            }
        }

        return position;
    }
}
