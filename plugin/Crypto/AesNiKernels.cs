using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Decryptor.Crypto;

/// <summary>
/// AES-NI CTR and CBC-decrypt loops. Eight independent blocks are kept in flight so that the
/// AESENC/AESDEC latency (about four cycles) is hidden behind their throughput.
/// </summary>
internal static class AesNiKernels
{
    private const int Last = AesKeySchedule.RoundKeyCount - 1;
    private const int Wide = 8 * AesContext.BlockSize;
    private const int Block = AesContext.BlockSize;

    // Hot loops: compile them optimized at once instead of running tier-0 code for the first
    // ~100 ms of a short command.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CtrTransform(
        ReadOnlySpan<Vector128<byte>> keys, ulong high, ulong low, Span<byte> data, bool carry)
    {
        ref var rk = ref MemoryMarshal.GetReference(keys);
        ref var d = ref MemoryMarshal.GetReference(data);
        var length = (nuint)data.Length;
        var k0 = keys[0];
        var kLast = keys[Last];
        nuint i = 0;

        for (; length - i >= Wide; i += Wide)
        {
            var b0 = CounterBlock.At(high, low, 0, carry) ^ k0;
            var b1 = CounterBlock.At(high, low, 1, carry) ^ k0;
            var b2 = CounterBlock.At(high, low, 2, carry) ^ k0;
            var b3 = CounterBlock.At(high, low, 3, carry) ^ k0;
            var b4 = CounterBlock.At(high, low, 4, carry) ^ k0;
            var b5 = CounterBlock.At(high, low, 5, carry) ^ k0;
            var b6 = CounterBlock.At(high, low, 6, carry) ^ k0;
            var b7 = CounterBlock.At(high, low, 7, carry) ^ k0;
            CounterBlock.Advance(ref high, ref low, 8, carry);

            for (var r = 1; r < Last; r++)
            {
                var k = Unsafe.Add(ref rk, r);
                b0 = X86Aes.Encrypt(b0, k);
                b1 = X86Aes.Encrypt(b1, k);
                b2 = X86Aes.Encrypt(b2, k);
                b3 = X86Aes.Encrypt(b3, k);
                b4 = X86Aes.Encrypt(b4, k);
                b5 = X86Aes.Encrypt(b5, k);
                b6 = X86Aes.Encrypt(b6, k);
                b7 = X86Aes.Encrypt(b7, k);
            }

            Xor(X86Aes.EncryptLast(b0, kLast), ref d, i);
            Xor(X86Aes.EncryptLast(b1, kLast), ref d, i + Block);
            Xor(X86Aes.EncryptLast(b2, kLast), ref d, i + 2 * Block);
            Xor(X86Aes.EncryptLast(b3, kLast), ref d, i + 3 * Block);
            Xor(X86Aes.EncryptLast(b4, kLast), ref d, i + 4 * Block);
            Xor(X86Aes.EncryptLast(b5, kLast), ref d, i + 5 * Block);
            Xor(X86Aes.EncryptLast(b6, kLast), ref d, i + 6 * Block);
            Xor(X86Aes.EncryptLast(b7, kLast), ref d, i + 7 * Block);
        }

        for (; length - i >= Block; i += Block)
        {
            Xor(Encrypt(keys, CounterBlock.At(high, low, 0, carry)), ref d, i);
            CounterBlock.Advance(ref high, ref low, 1, carry);
        }

        if (i < length)
        {
            // CTR decrypts a trailing partial block too (ISO/IEC 23001-7 §10.1).
            Span<byte> keystream = stackalloc byte[Block];
            Encrypt(keys, CounterBlock.At(high, low, 0, carry)).CopyTo(keystream);
            BlockXor.Apply(data[(int)i..], keystream);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector128<byte> CbcDecrypt(
        ReadOnlySpan<Vector128<byte>> keys, Vector128<byte> iv, Span<byte> data)
    {
        ref var rk = ref MemoryMarshal.GetReference(keys);
        ref var d = ref MemoryMarshal.GetReference(data);
        var length = (nuint)data.Length;
        var k0 = keys[0];
        var kLast = keys[Last];
        nuint i = 0;

        for (; length - i >= Wide; i += Wide)
        {
            var b0 = Vector128.LoadUnsafe(ref d, i) ^ k0;
            var b1 = Vector128.LoadUnsafe(ref d, i + Block) ^ k0;
            var b2 = Vector128.LoadUnsafe(ref d, i + 2 * Block) ^ k0;
            var b3 = Vector128.LoadUnsafe(ref d, i + 3 * Block) ^ k0;
            var b4 = Vector128.LoadUnsafe(ref d, i + 4 * Block) ^ k0;
            var b5 = Vector128.LoadUnsafe(ref d, i + 5 * Block) ^ k0;
            var b6 = Vector128.LoadUnsafe(ref d, i + 6 * Block) ^ k0;
            var b7 = Vector128.LoadUnsafe(ref d, i + 7 * Block) ^ k0;
            var nextIv = Vector128.LoadUnsafe(ref d, i + 7 * Block);

            for (var r = 1; r < Last; r++)
            {
                var k = Unsafe.Add(ref rk, r);
                b0 = X86Aes.Decrypt(b0, k);
                b1 = X86Aes.Decrypt(b1, k);
                b2 = X86Aes.Decrypt(b2, k);
                b3 = X86Aes.Decrypt(b3, k);
                b4 = X86Aes.Decrypt(b4, k);
                b5 = X86Aes.Decrypt(b5, k);
                b6 = X86Aes.Decrypt(b6, k);
                b7 = X86Aes.Decrypt(b7, k);
            }

            // Store from the back: each block still finds its predecessor's ciphertext in place.
            Chain(X86Aes.DecryptLast(b7, kLast), ref d, i + 7 * Block);
            Chain(X86Aes.DecryptLast(b6, kLast), ref d, i + 6 * Block);
            Chain(X86Aes.DecryptLast(b5, kLast), ref d, i + 5 * Block);
            Chain(X86Aes.DecryptLast(b4, kLast), ref d, i + 4 * Block);
            Chain(X86Aes.DecryptLast(b3, kLast), ref d, i + 3 * Block);
            Chain(X86Aes.DecryptLast(b2, kLast), ref d, i + 2 * Block);
            Chain(X86Aes.DecryptLast(b1, kLast), ref d, i + Block);
            (X86Aes.DecryptLast(b0, kLast) ^ iv).StoreUnsafe(ref d, i);
            iv = nextIv;
        }

        for (; length - i >= Block; i += Block)
        {
            var c = Vector128.LoadUnsafe(ref d, i);
            (Decrypt(keys, c) ^ iv).StoreUnsafe(ref d, i);
            iv = c;
        }

        return iv;
    }

    private static Vector128<byte> Encrypt(ReadOnlySpan<Vector128<byte>> keys, Vector128<byte> b)
    {
        b ^= keys[0];
        for (var r = 1; r < Last; r++)
        {
            b = X86Aes.Encrypt(b, keys[r]);
        }

        return X86Aes.EncryptLast(b, keys[Last]);
    }

    private static Vector128<byte> Decrypt(ReadOnlySpan<Vector128<byte>> keys, Vector128<byte> b)
    {
        b ^= keys[0];
        for (var r = 1; r < Last; r++)
        {
            b = X86Aes.Decrypt(b, keys[r]);
        }

        return X86Aes.DecryptLast(b, keys[Last]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Xor(Vector128<byte> keystream, ref byte data, nuint offset) =>
        (Vector128.LoadUnsafe(ref data, offset) ^ keystream).StoreUnsafe(ref data, offset);

    /// <summary>P[j] = D(C[j]) ^ C[j-1], reading C[j-1] before it is overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chain(Vector128<byte> decrypted, ref byte data, nuint offset) =>
        (decrypted ^ Vector128.LoadUnsafe(ref data, offset - Block)).StoreUnsafe(ref data, offset);
}
