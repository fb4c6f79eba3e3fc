using System.Globalization;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// FFmpeg's framemd5 format: `stream, dts, pts, duration, size, md5[, side data]` per packet.
/// Only size and MD5 are compared (corpus README: times differ between flavours).
/// </summary>
public static class FrameMd5
{
    public static Dictionary<int, List<(int Size, string Md5)>> Parse(string text)
    {
        var streams = new Dictionary<int, List<(int, string)>>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            var stream = int.Parse(fields[0], CultureInfo.InvariantCulture);
            if (!streams.TryGetValue(stream, out var list))
            {
                streams[stream] = list = [];
            }

            list.Add((int.Parse(fields[4], CultureInfo.InvariantCulture), fields[5]));
        }

        return streams;
    }

    public static Dictionary<int, List<(int Size, string Md5)>> Load(string path) =>
        Parse(File.ReadAllText(path));
}
