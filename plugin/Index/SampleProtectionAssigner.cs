using Decryptor.Crypto;
using Decryptor.IsoBmff;
using Decryptor.Protection;
using Microsoft.Extensions.Logging;

namespace Decryptor.Index;

/// <summary>
/// Gives each sample of a `stbl` or a `traf` its encryption parameters (`seig` group, PIFF
/// override or `tenc`) and the location of its auxiliary information.
/// </summary>
internal sealed class SampleProtectionAssigner(Track track, ILogger logger)
{
    private const uint FragmentLocalGroupBase = 0x10000;

    /// <summary>Defaults indexes of the `stbl` `seig` entries, group index 1 first.</summary>
    private readonly List<int> _movieGroupDefaults = [];

    /// <summary>
    /// Registers the `seig` descriptions of the `stbl`, which fragments refer to too.
    /// </summary>
    public void RegisterMovieGroups(SampleGroupDescriptionBox? descriptions)
    {
        foreach (var entry in descriptions?.SeigEntries ?? [])
        {
            _movieGroupDefaults.Add(AddGroupDefaults(entry, "stbl seig"));
        }
    }

    /// <summary>
    /// Assigns samples [<paramref name="first"/>, first + count) of the track.
    /// <paramref name="runStarts"/> holds the first sample (relative to first) of each chunk or
    /// `trun`, for `saio` boxes with one offset per run; <paramref name="auxBase"/> and
    /// <paramref name="moofStart"/> are the `saio` bases (both 0 outside fragments).
    /// </summary>
    public void Assign(ProtectionBoxSet boxes, int first, int count, IReadOnlyList<int> runStarts,
        long auxBase, long moofStart, bool inFragment, string container)
    {
        var protection = track.Protection;
        if (protection is null || !protection.IsCommonEncryption || count == 0)
        {
            return;
        }

        // A traf's own descriptions are indexed from 0x10001; the stbl's were registered once.
        var fragmentGroups = new List<int>();
        var ownDescriptions = inFragment ? boxes.SeigDescriptions?.SeigEntries : null;
        foreach (var entry in ownDescriptions ?? [])
        {
            fragmentGroups.Add(AddGroupDefaults(entry, $"{container} seig"));
        }

        var overrideIndex = PiffOverride(boxes.SampleEncryption, protection);
        var defaults = new int[count];
        MapGroups(boxes.SeigSampleToGroup, defaults, fragmentGroups, overrideIndex, container);

        var locations = Locate(boxes, protection.SchemeType, first, defaults, runStarts,
            auxBase, moofStart, container);
        for (var i = 0; i < count; i++)
        {
            track.Samples.SetProtection(first + i, defaults[i],
                locations is null ? default : locations[i]);
        }
    }

    private int AddGroupDefaults(CencSampleEncryptionInformationGroupEntry entry, string origin)
    {
        var cipher = track.Protection?.Cipher ?? CencCipher.Cenc;
        return track.AddEncryptionDefaults(new SampleEncryptionDefaults(entry.IsProtected == 1,
            cipher, entry.PerSampleIvSize, entry.Kid, entry.ConstantIv,
            new EncryptionPattern(entry.CryptByteBlock, entry.SkipByteBlock), origin));
    }

    private int PiffOverride(SampleEncryptionBox? senc, TrackProtection protection)
    {
        if (senc?.OverrideAlgorithmId is not { } algorithmId)
        {
            return 0;
        }

        var cipher = TrackProtection.CipherOfPiffAlgorithm(algorithmId)
            ?? throw new Mp4NotSupportedException("senc", senc.Header.Offset, "AlgorithmID",
                $"PIFF AlgorithmID {algorithmId} is neither 1 (AES-CTR) nor 2 (AES-CBC)");
        var tenc = protection.TrackDefaults!;
        return track.AddEncryptionDefaults(tenc with
        {
            IsProtected = algorithmId != 0,
            Cipher = cipher,
            PerSampleIvSize = senc.OverrideIvSize ?? tenc.PerSampleIvSize,
            Kid = senc.OverrideKid ?? tenc.Kid,
            Origin = "PIFF senc override",
        });
    }

    private void MapGroups(SampleToGroupBox? sampleToGroup, int[] defaults,
        List<int> fragmentGroups, int overrideIndex, string container)
    {
        Array.Fill(defaults, overrideIndex);
        if (sampleToGroup is null)
        {
            return;
        }

        var position = 0;
        for (var r = 0; r < sampleToGroup.Entries.Length; r++)
        {
            var run = sampleToGroup.Entries[r];
            var index = run.GroupDescriptionIndex;
            var at = sampleToGroup.GroupDescriptionIndexOffset(r);
            var target = index == 0 ? overrideIndex
                : index > FragmentLocalGroupBase
                    ? Lookup(fragmentGroups, index - FragmentLocalGroupBase, index, at, container)
                    : Lookup(_movieGroupDefaults, index, index, at, container);
            var length = (int)Math.Min(run.SampleCount, (uint)(defaults.Length - position));
            Array.Fill(defaults, target, position, length);
            position += length;
        }
    }

    private static int Lookup(
        List<int> groups, uint oneBased, uint raw, long offset, string container)
    {
        if (oneBased == 0 || oneBased > groups.Count)
        {
            throw new Mp4FormatException($"{container}/sbgp", offset, "group_description_index",
                $"group_description_index {raw} names no 'seig' entry ({groups.Count} exist "
                + "in the matching 'sgpd')");
        }

        return groups[(int)oneBased - 1];
    }

    private AuxInfoLocation[]? Locate(ProtectionBoxSet boxes, FourCC scheme, int first,
        int[] defaults, IReadOnlyList<int> runStarts, long auxBase, long moofStart,
        string container)
    {
        int IvSizeOf(int i)
        {
            var sample = track.Samples[first + i];
            var parameters = defaults[i] == 0
                ? track.ProtectionOf(sample)?.TrackDefaults
                : track.EncryptionDefaults[defaults[i]];
            return parameters is { IsProtected: true } ? parameters.PerSampleIvSize : 0;
        }

        var senc = boxes.SampleEncryption;
        var fromSenc = senc?.LocateEntries(boxes.SampleEncryptionEntries, defaults.Length,
            IvSizeOf);

        if (boxes.FindAuxInfo(scheme) is not { } aux)
        {
            return fromSenc;
        }

        var fromSaio = AuxInfoLayout.FromSizesAndOffsets(aux.Sizes, aux.Offsets,
            defaults.Length, runStarts, auxBase, container);
        if (fromSenc is null || fromSenc.Length == 0 || fromSaio[0] == fromSenc[0])
        {
            return fromSaio;
        }

        // Writers disagree on the saio base in fragments (DESIGN: follow the tfhd base rule,
        // accept the moof start where that is what lands on the senc entries).
        var fromMoof = AuxInfoLayout.FromSizesAndOffsets(aux.Sizes, aux.Offsets,
            defaults.Length, runStarts, moofStart, container);
        if (fromMoof[0] == fromSenc[0])
        {
            return fromMoof;
        }

        logger.LogWarning(
            "{Container}: saio points at byte {SaioOffset} but senc entries start at byte "
            + "{SencOffset}; using saiz/saio", container, fromSaio[0].Offset, fromSenc[0].Offset);
        return fromSaio;
    }
}
