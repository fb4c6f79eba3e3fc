using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>
/// `pssh` boxes and their PIFF uuid twin, wherever they stand (top level, `moov`, `moof`):
/// each is kept for key providers and reads as `free` in the clear view.
/// </summary>
internal static class SystemHeaderBoxes
{
    public static bool Is(BoxHeader box) =>
        box.Type == BoxTypes.Pssh || box.IsUuid(PiffUuids.ProtectionSystemHeader);

    public static void Add(BoxHeader box, ReadOnlySpan<byte> payload,
        List<ProtectionSystemHeader> headers, List<ClearViewPatch> patches)
    {
        var reader = new BoxDataReader(payload, box);
        headers.Add(ProtectionSystemSpecificHeaderBox.Parse(ref reader, box.Offset));
        patches.Add(ProtectionBoxSet.Hide(box, "pssh"));
    }
}
