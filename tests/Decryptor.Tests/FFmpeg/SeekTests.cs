using Decryptor.Interop.FFmpeg;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// av_seek_frame over the clear view lands on the same pictures as over the clear source
/// opened by path: the view answers FFmpeg's seeks and size queries as a file does.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SeekTests
{
    private const int Seeks = 5;

    private static IEnumerable<CorpusEntry> Entries => FFmpegCorpus.Entries;

    [TestCaseSource(nameof(Entries))]
    public void FirstFrameAfterEachSeekMatchesTheClearSource(CorpusEntry entry)
    {
        using var source = FFmpegInput.OpenFile(CorpusPaths.Resolve(entry.Source!));
        var duration = source.DurationSeconds ?? 1.0;

        // Seeded: random times, yet the same ones on every run.
        var random = new Random(20261203);
        var times = Enumerable.Range(0, Seeks).Select(_ => random.NextDouble() * duration)
            .ToArray();

        var expected = FirstFramesAfterSeeks(source, times);
        using var protectedInput = FFmpegCorpus.Open(entry);
        var actual = FirstFramesAfterSeeks(protectedInput.Input, times);

        Assert.That(expected, Has.None.Null, "the source gave a frame after every seek");
        Assert.That(expected.Distinct().Count(), Is.GreaterThan(1),
            "the seeks reached more than one key frame");
        Assert.That(actual, Is.EqualTo(expected), $"seek times {string.Join(", ", times)}");
    }

    /// <summary>The MD5 of the first video frame decoded after seeking to each time.</summary>
    internal static List<string?> FirstFramesAfterSeeks(FFmpegInput input, double[] times)
    {
        var video = input.FirstStream(FFmpegMediaType.Video)
            ?? throw new AssertionException("no video stream");
        using var decoder = new FFmpegDecoder(video);
        var result = new List<string?>();
        foreach (var time in times)
        {
            input.Seek(video.Index, video.FromSeconds(time));
            decoder.Reset();
            string? first = null;
            void Take(DecodedFrame frame) => first ??= frame.ImageMd5().Md5;

            while (first is null && input.ReadPacket())
            {
                if (input.PacketStreamIndex == video.Index)
                {
                    decoder.Decode(input.Packet, Take);
                }
            }

            if (first is null)
            {
                decoder.Decode(0, Take);
            }

            result.Add(first);
        }

        return result;
    }
}
