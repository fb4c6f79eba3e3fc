using Decryptor.Keys;

namespace Decryptor.Tests.TestSupport;

/// <summary>Corpus entries grouped the way the tests use them, and their keys.</summary>
public static class CorpusCases
{
    private static readonly HashSet<string> CommonEncryptionSchemes =
        ["cenc", "cbc1", "cens", "cbcs", "piff-ctr", "piff-cbc"];

    public static IEnumerable<CorpusEntry> CommonEncryption =>
        CorpusManifest.Default.Entries.Where(e => CommonEncryptionSchemes.Contains(e.Scheme));

    public static IEnumerable<CorpusEntry> CommonEncryptionWithDrmXml =>
        CommonEncryption.Where(e => e.DrmXml is not null);

    /// <summary>ISMACryp and OMA PDCF entries: samples carry a header, keys go per track.</summary>
    public static IEnumerable<CorpusEntry> HeaderScheme =>
        CorpusManifest.Default.Entries.Where(e => e.Scheme is "isma" or "oma-pdcf-cbc"
            or "oma-pdcf-ctr");

    public static IEnumerable<CorpusEntry> CommonEncryptionFragmented =>
        CommonEncryption.Where(e => e.Fragmented);

    /// <summary>
    /// Every key the manifest gives for an entry: by KID where the track has KIDs, else by
    /// track with its salt (ISMACryp, OMA PDCF).
    /// </summary>
    public static StaticKeyProvider ManifestKeys(CorpusEntry entry)
    {
        var provider = new StaticKeyProvider();
        foreach (var track in entry.Tracks)
        {
            if (track.AllKeys.Count == 0)
            {
                provider.AddTrackKey(track.TrackId, track.ToContentKey());
            }

            foreach (var key in track.AllKeys)
            {
                provider.AddKey(key.KeyId, key.ToContentKey());
            }
        }

        return provider;
    }

    /// <summary>
    /// The key options of the CLI for an entry, as a user would type them: `--key KID:KEY`,
    /// or `--track-key TRACK_ID:KEY[:SALT]` for tracks without KIDs.
    /// </summary>
    public static IEnumerable<string> ManifestKeyOptions(CorpusEntry entry) =>
        entry.Tracks.SelectMany(t => t.AllKeys.Count == 0
            ? new[]
            {
                "--track-key",
                t.Salt is null ? $"{t.TrackId}:{t.Key}" : $"{t.TrackId}:{t.Key}:{t.Salt}",
            }
            : t.AllKeys.SelectMany(k => new[] { "--key", $"{k.Kid}:{k.Key}" }));

    public static Dictionary<int, List<(int Size, string Md5)>> Expected(CorpusEntry entry) =>
        FrameMd5.Load(CorpusPaths.Resolve(entry.SourceFramemd5!));
}
