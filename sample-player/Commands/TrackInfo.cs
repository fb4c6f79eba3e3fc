using Decryptor.Index;

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

    private static string Describe(Protection.SampleEncryptionDefaults d)
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
