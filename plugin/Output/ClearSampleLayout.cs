using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Protection;

namespace Decryptor.Output;

/// <summary>
/// For a track whose scheme puts a header in each sample (ISMACryp, ISMA E&amp;A 1.1 §6.1; OMA
/// PDCF, OMA DRM 2.1 DCF §5.3): where each stored sample's payload starts and how long it is
/// once clear. The clear sample is laid at its payload start, so the header bytes (and any OMA
/// CBC padding at the end) are simply left out of the sample's chunk.
/// </summary>
internal sealed class ClearSampleLayout
{
    private readonly int[] _headerLengths;
    private readonly int[] _clearSizes;

    private ClearSampleLayout(int[] headerLengths, int[] clearSizes)
    {
        _headerLengths = headerLengths;
        _clearSizes = clearSizes;
    }

    /// <summary>Per sample: bytes of encryption header before the payload (0 if clear).</summary>
    public ReadOnlySpan<int> HeaderLengths => _headerLengths;

    /// <summary>Per sample: the clear size, which the rewritten `stsz` holds.</summary>
    public ReadOnlySpan<int> ClearSizes => _clearSizes;

    /// <summary>Whether samples of this protection carry a self-describing header.</summary>
    public static bool HasSampleHeaders(TrackProtection? protection) =>
        protection is not null && (protection.SchemeType == SchemeTypes.IsmaCryp
            || protection.SchemeType == SchemeTypes.OmaDrm);

    /// <summary>Whether any sample entry of the track uses such a scheme.</summary>
    public static bool HasSampleHeaders(Track track) =>
        track.EntryProtection.Any(HasSampleHeaders);

    /// <summary>
    /// Reads every sample header of <paramref name="track"/>, or returns null when the track
    /// has no header scheme. Only OMA CBC samples with RFC 2630 padding are decrypted, since
    /// only their clear length depends on the plaintext; the others lose just their header.
    /// </summary>
    public static ClearSampleLayout? Build(Track track, SampleDecryptor decryptor)
    {
        if (!HasSampleHeaders(track))
        {
            return null;
        }

        var count = track.Samples.Count;
        var headerLengths = new int[count];
        var clearSizes = new int[count];
        byte[]? clear = null;
        for (var i = 0; i < count; i++)
        {
            var sample = track.Samples[i];
            clearSizes[i] = sample.Size;
            var protection = track.ProtectionOf(sample);
            if (!HasSampleHeaders(protection) || sample.Size == 0)
            {
                continue;
            }

            var header = ReadHeader(track, sample, protection!, decryptor);
            headerLengths[i] = header.Length;
            clearSizes[i] = sample.Size - header.Length;
            if (header.IsEncrypted && MayBePadded(protection!))
            {
                clear ??= new byte[track.Samples.MaxSampleSize];
                clearSizes[i] = decryptor.ReadClearSample(track, i, clear);
            }
        }

        return new ClearSampleLayout(headerLengths, clearSizes);
    }

    private static SelfDescribingSampleHeader ReadHeader(Track track, in Sample sample,
        TrackProtection protection, SampleDecryptor decryptor)
    {
        var format = protection.Sinf.Information.SampleFormat
            ?? throw new Mp4FormatException("schi", protection.Sinf.Header.Offset,
                protection.SchemeType == SchemeTypes.OmaDrm ? "odaf" : "iSFM",
                $"scheme '{protection.SchemeType}' needs a sample format box to read "
                + "sample headers");

        // Read only the header: [selective byte] IV key indicator.
        var longest = (format.SelectiveEncryption ? 1 : 0) + format.IvLength
            + format.KeyIndicatorLength;
        Span<byte> bytes = stackalloc byte[Math.Min(sample.Size, longest)];
        decryptor.ReadStored(track, sample, bytes);
        var label = new SampleLabel(track.TrackId, sample.Number).ToString();
        return SelfDescribingSampleHeader.Parse(bytes, format, sample.Offset, label);
    }

    /// <summary>
    /// OMA AES-CBC with RFC 2630 padding strips 1 to 16 bytes at the end, known only after
    /// decryption. A missing `ohdr` also goes to the decryptor, which reports it.
    /// </summary>
    private static bool MayBePadded(TrackProtection protection)
    {
        if (protection.SchemeType != SchemeTypes.OmaDrm)
        {
            return false;
        }

        var headers = protection.Sinf.Information.OmaHeaders;
        return headers is null
            || (headers.EncryptionMethod == OmaCommonHeadersBox.MethodAesCbc
                && headers.PaddingScheme == OmaCommonHeadersBox.PaddingRfc2630);
    }
}
