using Decryptor.Fragments;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Decryptor.Index;

/// <summary>
/// The index of a protected (or clear) ISO-BMFF file: tracks, every sample's position, time and
/// protection, the `pssh` boxes, and the patches that make the clear view. Built by reading
/// box headers at the top level and the metadata boxes; `mdat` is never read.
/// </summary>
public sealed partial class MovieIndex : IDisposable
{
    private readonly List<Track> _tracks = [];
    private readonly List<ClearViewPatch> _patches = [];
    private readonly List<ProtectionSystemHeader> _systemHeaders = [];
    private readonly List<SegmentIndexBox> _segmentIndexes = [];
    private readonly List<TrackFragmentRandomAccessBox> _randomAccess = [];
    private readonly List<BoxHeader> _topLevelBoxes = [];

    private MovieIndex(SourceStream source)
    {
        Source = source;
    }

    public SourceStream Source { get; }

    public IReadOnlyList<Track> Tracks => _tracks;

    /// <summary>All `pssh` (and PIFF protection header) boxes, in file order.</summary>
    public IReadOnlyList<ProtectionSystemHeader> ProtectionSystemHeaders => _systemHeaders;

    public IReadOnlyList<SegmentIndexBox> SegmentIndexes => _segmentIndexes;

    public IReadOnlyList<TrackFragmentRandomAccessBox> RandomAccess => _randomAccess;

    public IReadOnlyList<BoxHeader> TopLevelBoxes => _topLevelBoxes;

    /// <summary>Four-byte rewrites that turn this file's metadata into a clear file's.</summary>
    public IReadOnlyList<ClearViewPatch> ClearViewPatches => _patches;

    public bool IsFragmented { get; private set; }

    public uint MovieTimescale { get; private set; }

    public Track GetTrack(uint trackId) =>
        _tracks.Find(t => t.TrackId == trackId)
        ?? throw new ArgumentException($"The file has no track {trackId}.", nameof(trackId));

    /// <summary>Opens a file by path.</summary>
    public static MovieIndex Open(string path, ILogger? logger = null) =>
        Open(SourceStream.OpenFile(path), logger);

    /// <summary>
    /// Opens a lone media segment (`moof`/`mdat`, maybe `styp`/`sidx`) with its init segment.
    /// The two are read as one file, init first, so sample numbers count within the segment.
    /// </summary>
    public static MovieIndex Open(string segmentPath, string? initPath, ILogger? logger = null)
    {
        if (initPath is null)
        {
            return Open(segmentPath, logger);
        }

        var joined = new ConcatenatedStream(File.OpenRead(initPath), File.OpenRead(segmentPath));
        return Open(new SourceStream(joined), logger);
    }

    /// <summary>Indexes <paramref name="source"/>; the index owns it from now on.</summary>
    public static MovieIndex Open(SourceStream source, ILogger? logger = null)
    {
        var index = new MovieIndex(source);
        try
        {
            index.Build(logger ?? NullLogger.Instance);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    public void Dispose() => Source.Dispose();
}
