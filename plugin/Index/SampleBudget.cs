using Decryptor.IsoBmff;

namespace Decryptor.Index;

/// <summary>
/// Bounds how many samples a file may declare: in a real file samples do not overlap, so their
/// sizes add up to less than the file. Each sample spends its size (at least 1) from a budget
/// of the file's length, which stops a few hostile counts from claiming billions of rows.
/// </summary>
internal sealed class SampleBudget(long fileLength)
{
    private long _spent;

    public void Spend(long size, string box, long offset)
    {
        _spent += Math.Max(size, 1);
        if (_spent > fileLength)
        {
            throw new Mp4FormatException(box, offset, "sample_count",
                $"the samples declared so far need more bytes than the {fileLength}-byte file "
                + "holds");
        }
    }
}
