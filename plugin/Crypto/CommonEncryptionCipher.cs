using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Decryptor.Crypto;

/// <summary>Sample decryption for the four schemes of ISO/IEC 23001-7 §10.</summary>
public static class CommonEncryptionCipher
{
    private const int Block = AesContext.BlockSize;

    /// <summary>
    /// Decrypts one sample in place. <paramref name="iv"/> of fewer than 16 bytes is padded
    /// with zeros on the right (an 8-byte CTR IV fills bytes 0..7 of the counter, §9). An
    /// empty <paramref name="subsamples"/> means the whole sample is one protected range.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The IV is empty or longer than 16 bytes, the subsamples do not add up to the sample
    /// length, or the pattern has skip blocks but no crypt blocks.
    /// </exception>
    public static void DecryptSample(
        AesContext key,
        CencCipher cipher,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<SubsampleEntry> subsamples,
        EncryptionPattern pattern,
        Span<byte> sample)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckArguments(cipher, iv, subsamples, pattern, sample.Length);

        Span<byte> padded = stackalloc byte[Block];
        padded.Clear();
        iv.CopyTo(padded);
        var state = new RangeState(cipher, pattern, padded);

        if (subsamples.IsEmpty)
        {
            DecryptRange(key, ref state, sample);
            return;
        }

        var offset = 0;
        foreach (var entry in subsamples)
        {
            offset += entry.BytesOfClearData;
            var length = (int)entry.BytesOfProtectedData;
            DecryptRange(key, ref state, sample.Slice(offset, length));
            offset += length;
        }
    }

    private static void CheckArguments(
        CencCipher cipher,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<SubsampleEntry> subsamples,
        EncryptionPattern pattern,
        int sampleLength)
    {
        if (iv.IsEmpty || iv.Length > Block)
        {
            throw new ArgumentException(
                $"An IV is 1 to {Block} bytes, not {iv.Length}.", nameof(iv));
        }

        if (!Enum.IsDefined(cipher))
        {
            throw new ArgumentOutOfRangeException(nameof(cipher), cipher, "Unknown scheme.");
        }

        if (UsesPattern(cipher) && pattern.CryptByteBlock == 0 && pattern.SkipByteBlock != 0)
        {
            throw new ArgumentException(
                "A pattern with skip blocks needs at least one crypt block.", nameof(pattern));
        }

        if (subsamples.IsEmpty)
        {
            return;
        }

        // Summed as long: 65535 entries of u16 + u32 overflow an int.
        long total = 0;
        foreach (var entry in subsamples)
        {
            total += entry.BytesOfClearData + (long)entry.BytesOfProtectedData;
        }

        if (total != sampleLength)
        {
            throw new ArgumentException(
                $"The subsamples cover {total} bytes but the sample has {sampleLength}.",
                nameof(subsamples));
        }
    }

    private static bool UsesPattern(CencCipher cipher) =>
        cipher is CencCipher.Cens or CencCipher.Cbcs;

    private static void DecryptRange(AesContext key, ref RangeState state, Span<byte> range)
    {
        switch (state.Cipher)
        {
            case CencCipher.Cenc:
                Ctr(key, ref state, range);
                break;
            case CencCipher.Cens when state.Pattern.IsNone:
                Ctr(key, ref state, range);
                break;
            case CencCipher.Cens:
                CtrPattern(key, ref state, range);
                break;
            case CencCipher.Cbc1:
                // §10.2: the chain runs on from the previous range; a partial tail stays clear.
                state.Chain = AesCbc.DecryptCore(key, state.Chain, WholeBlocks(range));
                break;
            default:
                CbcPattern(key, state.Iv, state.Pattern, WholeBlocks(range));
                break;
        }
    }

    /// <summary>
    /// §10.1: one keystream over the concatenated protected bytes, so a range may start in the
    /// middle of a keystream block.
    /// </summary>
    private static void Ctr(AesContext key, ref RangeState state, Span<byte> range)
    {
        var blocks = state.KeystreamOffset / Block;
        var skip = (int)(state.KeystreamOffset % Block);
        AesCtr.TransformCore(key, state.High, state.Low + blocks, skip, range, carry: false);
        state.KeystreamOffset += (ulong)range.Length;
    }

    /// <summary>
    /// §10.3: the pattern restarts with each range, and only crypt blocks take counter values.
    /// </summary>
    private static void CtrPattern(AesContext key, ref RangeState state, Span<byte> range)
    {
        var whole = WholeBlocks(range);
        var crypt = state.Pattern.CryptByteBlock * Block;
        var stride = crypt + (state.Pattern.SkipByteBlock * Block);

        for (var start = 0; start < whole.Length; start += stride)
        {
            var run = whole.Slice(start, Math.Min(crypt, whole.Length - start));
            Ctr(key, ref state, run);
        }
    }

    /// <summary>
    /// §10.4: the IV restarts with each range; crypt runs chain through the skipped blocks, and
    /// a short final run still decrypts its whole blocks.
    /// </summary>
    private static void CbcPattern(
        AesContext key, Vector128<byte> iv, EncryptionPattern pattern, Span<byte> whole)
    {
        if (pattern.IsNone)
        {
            AesCbc.DecryptCore(key, iv, whole);
            return;
        }

        var crypt = pattern.CryptByteBlock * Block;
        var stride = crypt + (pattern.SkipByteBlock * Block);
        var chain = iv;
        for (var start = 0; start < whole.Length; start += stride)
        {
            var run = whole.Slice(start, Math.Min(crypt, whole.Length - start));
            chain = AesCbc.DecryptCore(key, chain, run);
        }
    }

    private static Span<byte> WholeBlocks(Span<byte> range) =>
        range[..(range.Length & ~(Block - 1))];

    /// <summary>What carries from one protected range of a sample to the next.</summary>
    private struct RangeState
    {
        public readonly CencCipher Cipher;
        public readonly EncryptionPattern Pattern;
        public readonly Vector128<byte> Iv;
        public readonly ulong High;
        public readonly ulong Low;

        /// <summary>CTR: protected bytes consumed so far in this sample.</summary>
        public ulong KeystreamOffset;

        /// <summary>CBC (cbc1): the last ciphertext block decrypted.</summary>
        public Vector128<byte> Chain;

        public RangeState(CencCipher cipher, EncryptionPattern pattern, ReadOnlySpan<byte> iv)
        {
            Cipher = cipher;
            Pattern = pattern;
            Iv = Vector128.Create(iv);
            High = BinaryPrimitives.ReadUInt64BigEndian(iv);
            Low = BinaryPrimitives.ReadUInt64BigEndian(iv[8..]);
            Chain = Iv;
        }
    }
}
