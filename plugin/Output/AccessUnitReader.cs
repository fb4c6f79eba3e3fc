using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Microsoft.Extensions.Logging;

namespace Decryptor.Output;

/// <summary>
/// Clear access units with their timing: one track's samples in decode order, one sample by
/// number, or all tracks interleaved by decode time (as a demuxer would hand them out), from
/// the start or from a seek point. Only the samples returned are read.
/// </summary>
public sealed class AccessUnitReader : IDisposable
{
    private readonly MovieIndex _index;
    private readonly SampleDecryptor _decryptor;
    private readonly int[] _cursors;

    public AccessUnitReader(MovieIndex index, KeyResolver keys, ILogger? logger = null)
    {
        _index = index;
        _decryptor = new SampleDecryptor(index, keys, logger);
        _cursors = new int[index.Tracks.Count];
    }

    public MovieIndex Index => _index;

    /// <summary>Sample <paramref name="sampleNumber"/> (from 1) of a track, decrypted.</summary>
    public AccessUnit ReadSample(uint trackId, int sampleNumber)
    {
        var track = _index.GetTrack(trackId);
        if (sampleNumber < 1 || sampleNumber > track.Samples.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleNumber),
                $"Track {trackId} has samples 1 to {track.Samples.Count}, not {sampleNumber}.");
        }

        return Read(track, sampleNumber - 1);
    }

    /// <summary>
    /// A track's samples from <paramref name="firstSampleNumber"/> on, in decode order.
    /// </summary>
    public IEnumerable<AccessUnit> ReadTrack(uint trackId, int firstSampleNumber = 1)
    {
        var track = _index.GetTrack(trackId);
        for (var i = Math.Max(firstSampleNumber, 1) - 1; i < track.Samples.Count; i++)
        {
            yield return Read(track, i);
        }
    }

    /// <summary>
    /// Moves every track to the last sync sample at or before <paramref name="time"/>, so that
    /// decoding from there reaches <paramref name="time"/> without missing references.
    /// </summary>
    public void Seek(TimeSpan time)
    {
        for (var t = 0; t < _index.Tracks.Count; t++)
        {
            var track = _index.Tracks[t];
            var ticks = (long)(time.TotalSeconds * track.Timescale);
            _cursors[t] = track.Samples.Count == 0
                ? 0
                : track.Samples.FindSyncAtOrBefore(track.Samples.FindByDecodeTime(ticks));
        }
    }

    /// <summary>Moves one track to a sample number (from 1); other tracks stay.</summary>
    public void SeekToSample(uint trackId, int sampleNumber)
    {
        var t = _index.Tracks.ToList().FindIndex(x => x.TrackId == trackId);
        if (t < 0)
        {
            throw new ArgumentException($"The file has no track {trackId}.", nameof(trackId));
        }

        _cursors[t] = Math.Clamp(sampleNumber - 1, 0, _index.Tracks[t].Samples.Count);
    }

    /// <summary>The next access unit of any track, earliest decode time first.</summary>
    public bool TryReadNext(out AccessUnit? unit)
    {
        var best = -1;
        var bestSeconds = double.MaxValue;
        for (var t = 0; t < _index.Tracks.Count; t++)
        {
            var track = _index.Tracks[t];
            if (_cursors[t] >= track.Samples.Count)
            {
                continue;
            }

            var seconds = (double)track.Samples[_cursors[t]].DecodeTime / track.Timescale;
            if (seconds < bestSeconds)
            {
                best = t;
                bestSeconds = seconds;
            }
        }

        if (best < 0)
        {
            unit = null;
            return false;
        }

        unit = Read(_index.Tracks[best], _cursors[best]++);
        return true;
    }

    public void Dispose() => _decryptor.Dispose();

    private AccessUnit Read(Track track, int index)
    {
        var sample = track.Samples[index];
        var data = new byte[sample.Size];
        var length = _decryptor.ReadClearSample(track, index, data);
        return new AccessUnit(track.TrackId, sample.Number, sample.DecodeTime,
            sample.PresentationTime, sample.Duration, track.Timescale, sample.IsSync,
            data.AsMemory(0, length));
    }
}
