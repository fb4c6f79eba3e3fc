using Decryptor.IsoBmff;

namespace Decryptor.Index;

/// <summary>
/// Offsets and times are summed with checked arithmetic; a sum past 64 bits can only come from
/// hostile or broken sizes, so it is reported as a malformed box, not as an overflow.
/// </summary>
internal static class OverflowIsMalformed
{
    public static T Run<T>(BoxHeader box, string name, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (OverflowException)
        {
            throw new Mp4FormatException(name, box.Offset, null,
                "an offset, size or time in it runs past 64 bits");
        }
    }
}
