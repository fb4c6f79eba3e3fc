using System.Buffers.Binary;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Adds a version 1 `pssh` box at the end of the `moov` of a fragmented file (none of the
/// corpus files carries one). Fragment data offsets count from each `moof`, so they survive
/// the shift.
/// </summary>
public static class PsshInjector
{
    public static byte[] Pssh(SystemId systemId, IReadOnlyList<KeyId> kids, byte[] data)
    {
        var size = 8 + 4 + 16 + 4 + 16 * kids.Count + 4 + data.Length;
        var box = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)size);
        BoxTypes.Pssh.Write(box.AsSpan(4));
        box[8] = 1;
        BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(12), systemId.High);
        BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(20), systemId.Low);
        BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(28), (uint)kids.Count);
        for (var i = 0; i < kids.Count; i++)
        {
            kids[i].Write(box.AsSpan(32 + 16 * i));
        }

        var at = 32 + 16 * kids.Count;
        BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(at), (uint)data.Length);
        data.CopyTo(box, at + 4);
        return box;
    }

    public static string WriteWithPssh(string fragmentedFile, byte[] pssh)
    {
        BoxHeader moov;
        using (var index = MovieIndex.Open(fragmentedFile))
        {
            moov = index.TopLevelBoxes.Single(b => b.Type == BoxTypes.Moov);
        }

        var bytes = File.ReadAllBytes(fragmentedFile);
        var output = new byte[bytes.Length + pssh.Length];
        bytes.AsSpan(0, (int)moov.End).CopyTo(output);
        pssh.CopyTo(output, (int)moov.End);
        bytes.AsSpan((int)moov.End).CopyTo(output.AsSpan((int)moov.End + pssh.Length));
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan((int)moov.Offset),
            (uint)(moov.Size + pssh.Length));

        var path = Path.Combine(Path.GetTempPath(), $"pssh-{Guid.NewGuid():N}.mp4");
        File.WriteAllBytes(path, output);
        return path;
    }
}
