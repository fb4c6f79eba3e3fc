namespace Decryptor.Output;

/// <summary>Binary search over byte ranges sorted by offset that do not overlap.</summary>
internal static class RangeSearch
{
    /// <summary>
    /// The index of the first range that ends after <paramref name="offset"/> (the count when
    /// none does): the first one a read window starting there can touch.
    /// </summary>
    public static int FirstEndingAfter<T>(ReadOnlySpan<T> ranges, long offset, Func<T, long> endOf)
    {
        int low = 0, high = ranges.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (endOf(ranges[mid]) <= offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
