using Decryptor.Index;
using Decryptor.IsoBmff;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Cuts a fragmented file into an init segment (everything before the first `moof`) and one
/// media segment (the chosen `moof` and the boxes up to the next `moof`), as a DASH packager
/// would serve them.
/// </summary>
public sealed class SegmentSplitter : IDisposable
{
    public SegmentSplitter(string fragmentedFile, int fragmentNumber)
    {
        var bytes = File.ReadAllBytes(fragmentedFile);
        using var index = MovieIndex.Open(fragmentedFile);
        var boxes = index.TopLevelBoxes;
        var moofs = boxes.Where(b => b.Type == BoxTypes.Moof).ToList();
        var start = moofs[fragmentNumber - 1].Offset;
        var end = fragmentNumber < moofs.Count ? moofs[fragmentNumber].Offset : bytes.Length;
        var initEnd = moofs[0].Offset;

        InitPath = Path.Combine(Path.GetTempPath(), $"init-{Guid.NewGuid():N}.mp4");
        SegmentPath = Path.Combine(Path.GetTempPath(), $"segment-{Guid.NewGuid():N}.m4s");
        File.WriteAllBytes(InitPath, bytes[..(int)initEnd]);
        File.WriteAllBytes(SegmentPath, bytes[(int)start..(int)end]);

        // Per track, how many samples come before the segment in the whole file.
        foreach (var track in index.Tracks)
        {
            var before = 0;
            while (before < track.Samples.Count && track.Samples[before].Offset < start)
            {
                before++;
            }

            SamplesBefore[track.TrackId] = before;
        }
    }

    public string InitPath { get; }

    public string SegmentPath { get; }

    public Dictionary<uint, int> SamplesBefore { get; } = [];

    public void Dispose()
    {
        File.Delete(InitPath);
        File.Delete(SegmentPath);
    }
}
