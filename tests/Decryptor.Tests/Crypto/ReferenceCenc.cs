using Decryptor.Crypto;

namespace Decryptor.Tests.Crypto;

/// <summary>
/// An independent, block-by-block ENCRYPTOR for the four ISO/IEC 23001-7 schemes, used to
/// build protected samples that the decryptor must restore.
/// </summary>
internal static class ReferenceCenc
{
    public static byte[] Encrypt(
        byte[] key,
        CencCipher cipher,
        byte[] iv,
        SubsampleEntry[] subsamples,
        EncryptionPattern pattern,
        byte[] plain)
    {
        var iv16 = new byte[16];
        iv.CopyTo(iv16, 0);
        var sample = (byte[])plain.Clone();
        var ranges = ProtectedRanges(subsamples, plain.Length);

        switch (cipher)
        {
            case CencCipher.Cenc:
            case CencCipher.Cens when pattern.IsNone:
                CtrAcrossRanges(key, iv16, ranges, sample);
                break;
            case CencCipher.Cens:
                CensPattern(key, iv16, ranges, pattern, sample);
                break;
            case CencCipher.Cbc1:
                Cbc(key, iv16, ranges, new EncryptionPattern(1, 0), sample, resetIv: false);
                break;
            default:
                var cbcsPattern = pattern.IsNone ? new EncryptionPattern(1, 0) : pattern;
                Cbc(key, iv16, ranges, cbcsPattern, sample, resetIv: true);
                break;
        }

        return sample;
    }

    private static List<(int Offset, int Length)> ProtectedRanges(
        SubsampleEntry[] subsamples, int length)
    {
        if (subsamples.Length == 0)
        {
            return [(0, length)];
        }

        var ranges = new List<(int, int)>();
        var offset = 0;
        foreach (var s in subsamples)
        {
            offset += s.BytesOfClearData;
            ranges.Add((offset, (int)s.BytesOfProtectedData));
            offset += (int)s.BytesOfProtectedData;
        }

        return ranges;
    }

    /// <summary>Gathers all protected bytes, runs one CTR keystream, scatters them back.</summary>
    private static void CtrAcrossRanges(
        byte[] key, byte[] iv, List<(int Offset, int Length)> ranges, byte[] sample)
    {
        var gathered = ranges.SelectMany(r => sample.Skip(r.Offset).Take(r.Length)).ToArray();
        var encrypted = ReferenceAes.Ctr(key, iv, 0, gathered);
        var at = 0;
        foreach (var (offset, length) in ranges)
        {
            Array.Copy(encrypted, at, sample, offset, length);
            at += length;
        }
    }

    private static void CensPattern(
        byte[] key,
        byte[] iv,
        List<(int Offset, int Length)> ranges,
        EncryptionPattern pattern,
        byte[] sample)
    {
        var counter = (byte[])iv.Clone();
        var period = pattern.CryptByteBlock + pattern.SkipByteBlock;
        foreach (var (offset, length) in ranges)
        {
            for (var block = 0; block < length / 16; block++)
            {
                if (block % period >= pattern.CryptByteBlock)
                {
                    continue;
                }

                var keystream = ReferenceAes.EncryptBlock(key, counter);
                for (var i = 0; i < 16; i++)
                {
                    sample[offset + block * 16 + i] ^= keystream[i];
                }

                ReferenceAes.Increment(counter, 8);
            }
        }
    }

    private static void Cbc(
        byte[] key,
        byte[] iv,
        List<(int Offset, int Length)> ranges,
        EncryptionPattern pattern,
        byte[] sample,
        bool resetIv)
    {
        var chain = (byte[])iv.Clone();
        var period = pattern.CryptByteBlock + pattern.SkipByteBlock;
        foreach (var (offset, length) in ranges)
        {
            if (resetIv)
            {
                chain = (byte[])iv.Clone();
            }

            for (var block = 0; block < length / 16; block++)
            {
                if (block % period >= pattern.CryptByteBlock)
                {
                    continue;
                }

                var at = offset + block * 16;
                var input = new byte[16];
                for (var i = 0; i < 16; i++)
                {
                    input[i] = (byte)(sample[at + i] ^ chain[i]);
                }

                chain = ReferenceAes.EncryptBlock(key, input);
                chain.CopyTo(sample, at);
            }
        }
    }
}
