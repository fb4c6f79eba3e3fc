using Decryptor.Decryption;
using Decryptor.Index;

namespace Decryptor.Output;

/// <summary>
/// Chooses the clear MP4 view of a protected file (DESIGN: a clear view that keeps offsets).
/// </summary>
public static class ClearMovieView
{
    /// <summary>
    /// A <see cref="ClearMp4Stream"/>, which keeps every offset, when every protected sample
    /// entry uses Common Encryption; otherwise a <see cref="RewrittenMp4Stream"/>, whose
    /// `moov` gives the shorter ISMACryp and OMA samples their clear sizes. The view does not
    /// own <paramref name="decryptor"/>.
    /// </summary>
    public static Stream Open(MovieIndex index, SampleDecryptor decryptor)
    {
        var keepsOffsets = index.Tracks.All(track =>
            track.EntryProtection.All(p => p is null || p.IsCommonEncryption));
        return keepsOffsets
            ? new ClearMp4Stream(index, decryptor)
            : new RewrittenMp4Stream(index, decryptor);
    }
}
