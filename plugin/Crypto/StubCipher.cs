using System.Security.Cryptography;

namespace Decryptor.Crypto;

public readonly record struct SubsampleEntry(ushort BytesOfClearData, uint BytesOfProtectedData);

public readonly record struct EncryptionPattern(byte CryptByteBlock, byte SkipByteBlock)
{
    public bool IsNone => CryptByteBlock == 0 && SkipByteBlock == 0;
}

public enum CencCipher
{
    Cenc,
    Cbc1,
    Cens,
    Cbcs,
}

public sealed class AesContext : IDisposable
{
    internal readonly Aes Aes;

    public AesContext(ReadOnlySpan<byte> key)
    {
        Aes = Aes.Create();
        Aes.Key = key.ToArray();
    }

    public void Dispose() => Aes.Dispose();
}

public static class CommonEncryptionCipher
{
    public static void DecryptSample(AesContext key, CencCipher cipher, ReadOnlySpan<byte> iv,
        ReadOnlySpan<SubsampleEntry> subsamples, EncryptionPattern pattern, Span<byte> sample)
    {
        var ivb = new byte[16];
        iv.CopyTo(ivb);
        var ranges = new List<(int, int)>();
        if (subsamples.IsEmpty)
        {
            ranges.Add((0, sample.Length));
        }
        else
        {
            var p = 0;
            foreach (var s in subsamples)
            {
                p += s.BytesOfClearData;
                ranges.Add((p, (int)s.BytesOfProtectedData));
                p += (int)s.BytesOfProtectedData;
            }
        }

        var ctr = (byte[])ivb.Clone();
        var ks = new byte[16];
        var ksUsed = 16;
        var chain = (byte[])ivb.Clone();
        foreach (var (start, len) in ranges)
        {
            var r = sample.Slice(start, len);
            if (cipher == CencCipher.Cbcs)
            {
                chain = (byte[])ivb.Clone();
            }

            var blocks = len / 16;
            var crypt = pattern.IsNone || cipher is CencCipher.Cenc or CencCipher.Cbc1
                ? 1 : pattern.CryptByteBlock;
            var skip = pattern.IsNone || cipher is CencCipher.Cenc or CencCipher.Cbc1
                ? 0 : pattern.SkipByteBlock;
            if (cipher is CencCipher.Cenc || (cipher is CencCipher.Cens && pattern.IsNone))
            {
                for (var i = 0; i < len; i++)
                {
                    if (ksUsed == 16)
                    {
                        key.Aes.EncryptEcb(ctr, ks, PaddingMode.None);
                        Inc(ctr);
                        ksUsed = 0;
                    }

                    r[i] ^= ks[ksUsed++];
                }

                continue;
            }

            for (var b = 0; b < blocks; b++)
            {
                if (b % (crypt + skip) >= crypt)
                {
                    continue;
                }

                var blk = r.Slice(b * 16, 16);
                if (cipher == CencCipher.Cens)
                {
                    key.Aes.EncryptEcb(ctr, ks, PaddingMode.None);
                    Inc(ctr);
                    for (var i = 0; i < 16; i++)
                    {
                        blk[i] ^= ks[i];
                    }
                }
                else
                {
                    var c = blk.ToArray();
                    var d = key.Aes.DecryptEcb(c, PaddingMode.None);
                    for (var i = 0; i < 16; i++)
                    {
                        blk[i] = (byte)(d[i] ^ chain[i]);
                    }

                    chain = c;
                }
            }
        }
    }

    private static void Inc(byte[] c)
    {
        for (var i = 15; i >= 8; i--)
        {
            if (++c[i] != 0)
            {
                break;
            }
        }
    }
}
