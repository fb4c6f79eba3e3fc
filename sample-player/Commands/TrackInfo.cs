using Decryptor.Index;
using Decryptor.Protection;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>The `info` lines of one track.</summary>
internal static class TrackInfo
{
    public static void Write(TextWriter o, Track track)
    {
        var samples = track.Samples;
        var seconds = (double)samples.EndDecodeTime / track.Timescale;
        o.WriteLine($"Track {track.TrackId}: {track.Kind}, codec {track.CodecFormat}, "
            + $"{samples.Count} samples, {seconds:F3} s, timescale {track.Timescale}, "
            + $"language {track.Language}");
        for (var e = 0; e < track.SampleEntries.Count; e++)
        {
            var entry = track.SampleEntries[e];
            if (track.EntryProtection[e] is not { } protection)
            {
                o.WriteLine($"  sample entry {e + 1}: {entry.Format} (clear)");
                continue;
            }

            var schm = protection.Sinf.SchemeType;
            o.WriteLine($"  sample entry {e + 1}: {entry.Format} -> {protection.OriginalFormat}, "
                + $"scheme {schm.SchemeType} version 0x{schm.SchemeVersion:x8}"
                + (protection.Cipher is { } cipher ? $", cipher {cipher}" : ""));
            if (protection.TrackDefaults is { } defaults)
            {
                o.WriteLine($"    default: {Describe(defaults)}");
            }

            WriteSampleHeaderScheme(o, protection.Sinf.Information);
        }

        var groups = track.EncryptionDefaults.Skip(1).ToList();
        if (groups.Count > 0)
        {
            o.WriteLine($"  rotation/sample groups: {groups.Count}");
            foreach (var group in groups)
            {
                o.WriteLine($"    {Describe(group)}");
            }
        }
    }

    /// <summary>ISMACryp and OMA PDCF: sample header layout, salt, KMS, rights.</summary>
    private static void WriteSampleHeaderScheme(TextWriter o, SchemeInformation information)
    {
        if (information.SampleFormat is { } format)
        {
            o.WriteLine($"    sample header ({format.Type}): selective encryption "
                + $"{(format.SelectiveEncryption ? "yes" : "no")}, IV length {format.IvLength}, "
                + $"key indicator length {format.KeyIndicatorLength}");
        }

        if (information.SampleFormat?.Type == IsmaSampleFormatBox.Isfm)
        {
            o.WriteLine(information.Salt is null
                ? "    salt: not in the file (no iSLT); give it with the key"
                : "    salt: in the file (iSLT)");
        }

        if (information.KmsUri is { } kms)
        {
            o.WriteLine($"    key management URI: {kms}");
        }

        if (information.OmaHeaders is { } headers)
        {
            var method = headers.EncryptionMethod switch
            {
                OmaCommonHeadersBox.MethodAesCbc => "AES-128-CBC",
                OmaCommonHeadersBox.MethodAesCtr => "AES-128-CTR",
                _ => "none",
            };
            var padding = headers.PaddingScheme == OmaCommonHeadersBox.PaddingRfc2630
                ? "RFC 2630 padding"
                : "no padding";
            o.WriteLine($"    OMA: {method}, {padding}, content ID {headers.ContentId}, "
                + $"rights issuer URL {headers.RightsIssuerUrl}");
            if (headers.TextualHeaders.Length > 0)
            {
                var textual = headers.TextualHeaders.Replace('\0', ' ');
                o.WriteLine($"    OMA textual headers: {textual}");
            }
        }
    }

    private static string Describe(SampleEncryptionDefaults d)
    {
        if (!d.IsProtected)
        {
            return $"clear samples (isProtected 0), from {d.Origin}";
        }

        var iv = d.PerSampleIvSize > 0
            ? $"per-sample IV size {d.PerSampleIvSize}"
            : $"constant IV {Convert.ToHexStringLower(d.ConstantIv)}";
        var pattern = d.Pattern.IsNone
            ? "no pattern"
            : $"pattern {d.Pattern.CryptByteBlock}:{d.Pattern.SkipByteBlock}";
        return $"KID {d.Kid}, {iv}, {pattern}, from {d.Origin}";
    }
}
