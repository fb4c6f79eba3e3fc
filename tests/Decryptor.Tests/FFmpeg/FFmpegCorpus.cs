using System.Collections.Concurrent;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.SamplePlayer.Commands;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>Corpus entries opened for FFmpeg, and the reference hashes of their sources.</summary>
public static class FFmpegCorpus
{
    private static readonly ConcurrentDictionary<string, List<string>> SourceHashes = new();

    public static IEnumerable<CorpusEntry> Entries => CorpusManifest.Default.Entries;

    public static ProtectedInput Open(CorpusEntry entry) =>
        ProtectedInput.Open(MovieIndex.Open(entry.FullPath),
            new KeyResolver(CorpusCases.ManifestKeys(entry)), null);

    /// <summary>
    /// The md5 column of `ffmpeg -i SOURCE -map 0:v:0 -fps_mode passthrough -f framemd5 -`:
    /// each decoded picture, planes packed. Computed once per source file. Passthrough because
    /// ffmpeg's default frame-rate sync drops two frames of src-hevc-frag.mp4 whose
    /// timestamps collide at the second fragment; the decoder, this player's too, hands
    /// them out.
    /// </summary>
    public static List<string> DecodedVideoMd5(string source) =>
        SourceHashes.GetOrAdd(source, path =>
        {
            var (code, stdout, stderr) = FfmpegTool.Run("-v", "error", "-i", path, "-map",
                "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5", "-");
            Assert.That(code, Is.Zero, $"ffmpeg could not decode {path}: {stderr}");
            return Md5Column(stdout);
        });

    public static List<string> Md5Column(string framemd5) => framemd5.Split('\n')
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split(',')[^1].Trim())
        .ToList();
}
