using Decryptor.Index;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// The corpus entries whose samples carry a header (ISMACryp, OMA DRM PDCF), their per-track
/// keys, and the hashes they must decrypt to.
/// </summary>
public static class HeaderSchemeCases
{
    public static IEnumerable<CorpusEntry> All => CorpusCases.HeaderScheme;

    public static IEnumerable<CorpusEntry> IsmaCryp => All.Where(e => e.Scheme == "isma");

    public static IEnumerable<CorpusEntry> WithDrmXml => All.Where(e => e.DrmXml is not null);

    /// <summary>
    /// The hashes of what the ISMACryp access-unit decryptor hands out: the raw Annex-B
    /// payloads for GPAC `264b` tracks (alt_framemd5), the source samples for the others.
    /// </summary>
    public static List<(int Size, string Md5)> AccessUnitExpected(
        CorpusEntry entry, MovieIndex index, int stream)
    {
        var track = index.Tracks[stream];
        if (track.Protection?.OriginalFormat == Decryption.AnnexBSample.Format)
        {
            if (entry.AltFramemd5 is null)
            {
                throw new InvalidOperationException(
                    $"{entry.File}: track {track.TrackId} is 264b but the entry has no "
                    + "alt_framemd5.");
            }

            return FrameMd5.Load(CorpusPaths.Resolve(entry.AltFramemd5))[stream];
        }

        return CorpusCases.Expected(entry)[stream];
    }

    /// <summary>The manifest's salt of a track (hex), as bytes, or null.</summary>
    public static byte[]? ManifestSalt(CorpusEntry entry, uint trackId) =>
        entry.Tracks.Single(t => t.TrackId == trackId).Salt is { } salt
            ? Convert.FromHexString(salt)
            : null;

    public static string Md5(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data));
}
