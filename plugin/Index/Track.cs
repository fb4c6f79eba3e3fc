using Decryptor.Decryption;
using Decryptor.IsoBmff;
using Decryptor.Movie;
using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>One track of the movie: its media description, protection and samples.</summary>
public sealed class Track
{
    private readonly List<SampleEncryptionDefaults> _encryptionDefaults = [];

    internal Track(uint trackId, HandlerBox handler, MediaHeaderBox mediaHeader,
        IReadOnlyList<SampleEntry> sampleEntries, IReadOnlyList<TrackProtection?> protection,
        SampleBudget budget)
    {
        Samples = new SampleTable(budget);
        TrackId = trackId;
        HandlerType = handler.HandlerType;
        Timescale = mediaHeader.Timescale;
        Language = mediaHeader.Language;
        SampleEntries = sampleEntries;
        EntryProtection = protection;

        // Slot 0 stands for "the sample entry's own tenc" and is never read from the list.
        _encryptionDefaults.Add(null!);
    }

    public uint TrackId { get; }

    public FourCC HandlerType { get; }

    public uint Timescale { get; }

    public string Language { get; }

    public IReadOnlyList<SampleEntry> SampleEntries { get; }

    /// <summary>Per sample entry (same order): its protection, or null when it is clear.</summary>
    public IReadOnlyList<TrackProtection?> EntryProtection { get; }

    /// <summary>The protection of the first protected sample entry, or null.</summary>
    public TrackProtection? Protection => EntryProtection.FirstOrDefault(p => p is not null);

    public SampleTable Samples { get; }

    /// <summary>Trex defaults for fragments; null when the movie has no `mvex` for it.</summary>
    public Fragments.TrackExtendsBox? Extends { get; internal set; }

    /// <summary>Encryption parameter sets from `seig` groups and PIFF overrides (from 1).</summary>
    public IReadOnlyList<SampleEncryptionDefaults> EncryptionDefaults => _encryptionDefaults;

    public string Kind =>
        HandlerType == HandlerBox.Video ? "video"
        : HandlerType == HandlerBox.Sound ? "audio"
        : HandlerType.ToString();

    /// <summary>
    /// The codec four-CC as the decoder gets it: the `frma` one if protected, and `avc1` for
    /// GPAC's start-code `264b`, whose clear samples are turned back into `avc1` ones.
    /// </summary>
    public FourCC CodecFormat =>
        Protection?.OriginalFormat is { } original
            ? original == AnnexBSample.Format ? AnnexBSample.ClearFormat : original
            : SampleEntries.Count > 0 ? SampleEntries[0].Format : default;

    internal int AddEncryptionDefaults(SampleEncryptionDefaults defaults)
    {
        _encryptionDefaults.Add(defaults);
        return _encryptionDefaults.Count - 1;
    }

    /// <summary>The protection of the sample entry a sample uses, or null if it is clear.</summary>
    public TrackProtection? ProtectionOf(in Sample sample)
    {
        var entry = sample.SampleDescriptionIndex - 1;
        return (uint)entry < (uint)EntryProtection.Count ? EntryProtection[entry] : null;
    }

    /// <summary>
    /// The encryption parameters of a sample: its `seig` group or PIFF override when it has
    /// one, else its sample entry's `tenc`. Null when the sample entry is not protected.
    /// </summary>
    public SampleEncryptionDefaults? EncryptionDefaultsOf(in Sample sample)
    {
        var index = Samples.DefaultsIndexOf(sample.Index);
        return index == 0 ? ProtectionOf(sample)?.TrackDefaults : _encryptionDefaults[index];
    }

    public override string ToString() => $"track {TrackId} ({Kind}, {CodecFormat})";
}
