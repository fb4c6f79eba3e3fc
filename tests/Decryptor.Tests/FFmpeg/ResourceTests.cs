using System.Globalization;
using Decryptor.Interop.FFmpeg;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// Opening and closing inputs and decoders frees their native memory: the AVIO buffer FFmpeg
/// may have replaced, the contexts, packets and frames, and the GC handle of the stream.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ResourceTests
{
    private const int Cycles = 200;
    private const long AllowedGrowthKiB = 50 * 1024;

    [Test]
    public void OpenCloseCyclesKeepTheResidentSetFlat()
    {
        var entry = CorpusManifest.Default.Entry("gpac-cenc.mp4");

        // Warm up first: the first cycles load libraries and fill pools that stay.
        for (var i = 0; i < 10; i++)
        {
            Cycle(entry);
        }

        var before = ResidentKiB();
        for (var i = 0; i < Cycles; i++)
        {
            Cycle(entry);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = ResidentKiB() - before;

        TestContext.Out.WriteLine($"VmRSS grew by {growth} KiB over {Cycles} cycles");
        Assert.That(growth, Is.LessThan(AllowedGrowthKiB), $"VmRSS grew by {growth} KiB");
    }

    private static void Cycle(CorpusEntry entry)
    {
        using var input = FFmpegCorpus.Open(entry);
        var decoders = input.Input.Streams
            .Where(s => s.MediaType != FFmpegMediaType.Other)
            .ToDictionary(s => s.Index, s => new FFmpegDecoder(s));
        try
        {
            for (var packets = 0; packets < 30 && input.Input.ReadPacket(); packets++)
            {
                if (decoders.TryGetValue(input.Input.PacketStreamIndex, out var decoder))
                {
                    decoder.Decode(input.Input.Packet, _ => { });
                }
            }
        }
        finally
        {
            foreach (var decoder in decoders.Values)
            {
                decoder.Dispose();
            }
        }
    }

    private static long ResidentKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:",
            StringComparison.Ordinal));
        var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
        return long.Parse(kib, CultureInfo.InvariantCulture);
    }
}
