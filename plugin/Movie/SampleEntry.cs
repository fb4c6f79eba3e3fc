using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>
/// One sample entry of `stsd` (ISO/IEC 14496-12 §8.5.2): its format four-CC, where it is, and
/// where its child boxes (codec configuration, `sinf`, ...) start.
/// </summary>
public sealed record SampleEntry(BoxHeader Header, long ChildrenOffset)
{
    public FourCC Format => Header.Type;

    // SampleEntry: reserved[6], data_reference_index. VisualSampleEntry adds 70 bytes,
    // AudioSampleEntry 20 (QuickTime sound description v1 and v2 add 16 and 36 more).
    private const int SampleEntryFields = 8;
    private const int VisualFields = 70;
    private const int AudioFields = 20;

    internal static long FindChildrenOffset(
        BoxHeader header, ReadOnlySpan<byte> payload, FourCC handlerType)
    {
        var fields = SampleEntryFields;
        if (handlerType == HandlerBox.Video)
        {
            fields += VisualFields;
        }
        else if (handlerType == HandlerBox.Sound)
        {
            fields += AudioFields;
            var version = payload.Length >= 10 ? payload[8] << 8 | payload[9] : 0;
            fields += version switch
            {
                1 => 16,
                2 => 36,
                _ => 0,
            };
        }

        if (fields > payload.Length)
        {
            throw new Mp4FormatException(header.Type.ToString(), header.Offset, null,
                $"a {handlerType} sample entry needs {fields} bytes of fields, the box has "
                + $"{payload.Length}");
        }

        return header.PayloadOffset + fields;
    }
}
