using System.Security.Cryptography;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Output;

namespace Decryptor.Tests.TestSupport;

/// <summary>Reads every clear sample of a file through the access-unit reader.</summary>
public static class ClearSamples
{
    /// <summary>
    /// Per stream (track position in moov), the (size, MD5) of each clear sample.
    /// </summary>
    public static Dictionary<int, List<(int Size, string Md5)>> Hash(
        MovieIndex index, KeyResolver keys)
    {
        using var reader = new AccessUnitReader(index, keys);
        var streams = new Dictionary<int, List<(int, string)>>();
        for (var t = 0; t < index.Tracks.Count; t++)
        {
            streams[t] = [.. reader.ReadTrack(index.Tracks[t].TrackId).Select(unit =>
                (unit.Data.Length, Convert.ToHexStringLower(MD5.HashData(unit.Data.Span))))];
        }

        return streams;
    }

    public static void AssertEqual(Dictionary<int, List<(int Size, string Md5)>> expected,
        Dictionary<int, List<(int Size, string Md5)>> actual, string what)
    {
        NUnit.Framework.Assert.That(actual.Keys, NUnit.Framework.Is.EquivalentTo(expected.Keys),
            $"{what}: streams");
        foreach (var (stream, samples) in expected)
        {
            var got = actual[stream];
            NUnit.Framework.Assert.That(got, NUnit.Framework.Has.Count.EqualTo(samples.Count),
                $"{what}: sample count of stream {stream}");
            for (var i = 0; i < samples.Count; i++)
            {
                NUnit.Framework.Assert.That(got[i], NUnit.Framework.Is.EqualTo(samples[i]),
                    $"{what}: stream {stream} sample {i + 1} (size, md5)");
            }
        }
    }
}
