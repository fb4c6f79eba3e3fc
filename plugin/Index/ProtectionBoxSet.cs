using Decryptor.IsoBmff;
using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>
/// The per-sample protection boxes found in one container (`stbl`, `trak` or `traf`):
/// `saiz`/`saio`, `senc` (or its PIFF uuid twin) and the `seig` sample group boxes.
/// </summary>
internal sealed class ProtectionBoxSet
{
    private static readonly FourCC SeigGroupingType =
        CencSampleEncryptionInformationGroupEntry.GroupingType;

    public List<SampleAuxiliaryInformationSizesBox> Sizes { get; } = [];

    public List<SampleAuxiliaryInformationOffsetsBox> Offsets { get; } = [];

    public SampleEncryptionBox? SampleEncryption { get; private set; }

    /// <summary>
    /// The bytes of <see cref="SampleEncryption"/> from its first entry to its end.
    /// </summary>
    public byte[] SampleEncryptionEntries { get; private set; } = [];

    public SampleToGroupBox? SeigSampleToGroup { get; private set; }

    public SampleGroupDescriptionBox? SeigDescriptions { get; private set; }

    public bool IsEmpty =>
        Sizes.Count == 0 && SampleEncryption is null && SeigSampleToGroup is null
        && SeigDescriptions is null;

    /// <summary>
    /// Takes <paramref name="child"/> when it is one of the boxes this set holds, and records
    /// that the clear view turns it into `free`. False for any other box.
    /// </summary>
    public bool TryAdd(BoxHeader child, ReadOnlySpan<byte> payload, List<ClearViewPatch> patches)
    {
        var reader = new BoxDataReader(payload, child);
        if (child.Type == BoxTypes.Saiz)
        {
            Sizes.Add(SampleAuxiliaryInformationSizesBox.Parse(ref reader));
        }
        else if (child.Type == BoxTypes.Saio)
        {
            Offsets.Add(SampleAuxiliaryInformationOffsetsBox.Parse(ref reader));
        }
        else if (child.Type == BoxTypes.Senc || child.IsUuid(PiffUuids.SampleEncryption))
        {
            // When a file has both (PIFF compatibility), the standard box is the one read.
            if (SampleEncryption is not null && child.Type != BoxTypes.Senc)
            {
                patches.Add(Hide(child, "PIFF sample encryption"));
                return true;
            }

            SampleEncryption = SampleEncryptionBox.Parse(ref reader, child);
            SampleEncryptionEntries = reader.Rest.ToArray();
        }
        else if (child.Type == BoxTypes.Sbgp || child.Type == BoxTypes.Sgpd)
        {
            return TryAddSampleGroup(child, ref reader, patches);
        }
        else
        {
            return false;
        }

        patches.Add(Hide(child, child.Type.ToString()));
        return true;
    }

    /// <summary>
    /// The `saiz`/`saio` pair for CENC: aux_info_type absent or the scheme's four-CC
    /// (ISO/IEC 23001-7 §7.1). Null when the container has none.
    /// </summary>
    public (SampleAuxiliaryInformationSizesBox Sizes, SampleAuxiliaryInformationOffsetsBox
        Offsets)? FindAuxInfo(FourCC scheme)
    {
        var sizes = Sizes.Find(s => s.AuxInfoType is null || s.AuxInfoType == scheme);
        var offsets = Offsets.Find(o => o.AuxInfoType is null || o.AuxInfoType == scheme);
        return sizes is null || offsets is null ? null : (sizes, offsets);
    }

    internal static ClearViewPatch Hide(BoxHeader box, string reason) =>
        new(box.Offset + 4, BoxTypes.Free, reason);

    private bool TryAddSampleGroup(
        BoxHeader child, ref BoxDataReader reader, List<ClearViewPatch> patches)
    {
        if (child.Type == BoxTypes.Sbgp)
        {
            var sampleToGroup = SampleToGroupBox.Parse(ref reader);
            if (sampleToGroup.GroupingType != SeigGroupingType)
            {
                return false;
            }

            SeigSampleToGroup = sampleToGroup;
        }
        else
        {
            var descriptions = SampleGroupDescriptionBox.Parse(ref reader);
            if (descriptions.GroupingType != SeigGroupingType)
            {
                return false;
            }

            SeigDescriptions = descriptions;
        }

        patches.Add(Hide(child, "seig sample group"));
        return true;
    }
}
