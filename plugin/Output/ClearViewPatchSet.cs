using Decryptor.Index;

namespace Decryptor.Output;

/// <summary>
/// Four-byte type rewrites sorted by offset, applied to whatever read window they overlap.
/// </summary>
internal sealed class ClearViewPatchSet(IEnumerable<ClearViewPatch> patches)
{
    private readonly ClearViewPatch[] _patches =
        [.. patches.OrderBy(p => p.Offset)];

    /// <summary>Writes every patch that overlaps the window at <paramref name="start"/>.</summary>
    public void Apply(long start, Span<byte> window)
    {
        var end = start + window.Length;
        Span<byte> type = stackalloc byte[4];
        for (var i = FirstEndingAfter(start); i < _patches.Length && _patches[i].Offset < end;
            i++)
        {
            _patches[i].NewType.Write(type);
            for (var k = 0; k < 4; k++)
            {
                var at = _patches[i].Offset + k - start;
                if (at >= 0 && at < window.Length)
                {
                    window[(int)at] = type[k];
                }
            }
        }
    }

    private int FirstEndingAfter(long start) =>
        RangeSearch.FirstEndingAfter<ClearViewPatch>(_patches, start, p => p.Offset + 4);
}
