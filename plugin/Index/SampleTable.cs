using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>
/// Every sample of one track, from `stbl` and from all fragments, in decode order. Columns are
/// kept as flat lists so that a lookup by number is O(1) and by time O(log n).
/// </summary>
public sealed class SampleTable
{
    private readonly SampleBudget _budget;
    private readonly List<long> _offsets = [];
    private readonly List<int> _sizes = [];
    private readonly List<long> _decodeTimes = [];
    private readonly List<int> _compositionOffsets = [];
    private readonly List<uint> _durations = [];
    private readonly List<bool> _sync = [];
    private readonly List<int> _descriptionIndexes = [];
    private readonly List<int> _defaultsIndexes = [];
    private readonly List<AuxInfoLocation> _auxInfo = [];

    internal SampleTable(SampleBudget budget)
    {
        _budget = budget;
    }

    public int Count => _offsets.Count;

    public Sample this[int index] => new(index, _offsets[index], _sizes[index],
        _decodeTimes[index], _compositionOffsets[index], _durations[index], _sync[index],
        _descriptionIndexes[index]);

    /// <summary>Decode time just after the last sample, where a next fragment continues.</summary>
    public long EndDecodeTime => Count == 0 ? 0 : _decodeTimes[^1] + _durations[^1];

    public long MaxSampleSize { get; private set; }

    /// <summary>The stored bytes of all samples: the length of the track's byte stream.</summary>
    public long TotalSize { get; private set; }

    /// <summary>
    /// Index into the track's encryption defaults; 0 = the sample entry's `tenc`.
    /// </summary>
    internal int DefaultsIndexOf(int index) => _defaultsIndexes[index];

    /// <summary>Where the sample's IV and subsamples are; Size 0 when it has none.</summary>
    internal AuxInfoLocation AuxInfoOf(int index) => _auxInfo[index];

    internal void Add(long offset, int size, long decodeTime, int compositionOffset,
        uint duration, bool isSync, int descriptionIndex, string box, long boxOffset)
    {
        _budget.Spend(size, box, boxOffset);
        _offsets.Add(offset);
        _sizes.Add(size);
        _decodeTimes.Add(decodeTime);
        _compositionOffsets.Add(compositionOffset);
        _durations.Add(duration);
        _sync.Add(isSync);
        _descriptionIndexes.Add(descriptionIndex);
        _defaultsIndexes.Add(0);
        _auxInfo.Add(default);
        MaxSampleSize = Math.Max(MaxSampleSize, size);
        TotalSize += size;
    }

    internal void SetProtection(int index, int defaultsIndex, AuxInfoLocation auxInfo)
    {
        _defaultsIndexes[index] = defaultsIndex;
        _auxInfo[index] = auxInfo;
    }

    /// <summary>
    /// The last sample whose decode time is at or before <paramref name="time"/>.
    /// </summary>
    public int FindByDecodeTime(long time)
    {
        var index = _decodeTimes.BinarySearch(time);
        if (index < 0)
        {
            return Math.Max(~index - 1, 0);
        }

        // Equal times (zero durations) resolve to the first of the run.
        while (index > 0 && _decodeTimes[index - 1] == time)
        {
            index--;
        }

        return index;
    }

    /// <summary>The last sync sample at or before <paramref name="index"/> (0 if none).</summary>
    public int FindSyncAtOrBefore(int index)
    {
        for (var i = Math.Min(index, Count - 1); i >= 0; i--)
        {
            if (_sync[i])
            {
                return i;
            }
        }

        return 0;
    }
}
