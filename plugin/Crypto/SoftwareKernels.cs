using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Decryptor.Crypto;

/// <summary>
/// CTR and CBC-decrypt over the platform AES (ECB one-shots) when AES-NI is missing. Work goes
/// through the context's scratch buffer in chunks, so nothing is allocated per call.
/// </summary>
internal static class SoftwareKernels
{
    private const int Block = AesContext.BlockSize;
    private const int Chunk = AesContext.ScratchBlocks * Block;

    public static void CtrTransform(
        AesContext key, ulong high, ulong low, Span<byte> data, bool carry)
    {
        var counters = key.Scratch[..Chunk];
        var keystream = key.Scratch[Chunk..];

        while (!data.IsEmpty)
        {
            var n = Math.Min(data.Length, Chunk);
            var blocks = (n + Block - 1) / Block;
            for (var b = 0; b < blocks; b++)
            {
                CounterBlock.Write(high, low, (ulong)b, carry, counters.Slice(b * Block, Block));
            }

            key.Software.EncryptEcb(counters[..(blocks * Block)], keystream, PaddingMode.None);
            BlockXor.Apply(data[..n], keystream);
            CounterBlock.Advance(ref high, ref low, (ulong)blocks, carry);
            data = data[n..];
        }
    }

    public static Vector128<byte> CbcDecrypt(AesContext key, Vector128<byte> iv, Span<byte> data)
    {
        var decrypted = key.Scratch[Chunk..];

        while (!data.IsEmpty)
        {
            var n = Math.Min(data.Length, Chunk);
            var chunk = data[..n];
            var nextIv = Vector128.Create((ReadOnlySpan<byte>)chunk[^Block..]);
            key.Software.DecryptEcb(chunk, decrypted, PaddingMode.None);

            // From the back, so that C[j-1] is still ciphertext when P[j] is written.
            ref var c = ref MemoryMarshal.GetReference(chunk);
            ref var p = ref MemoryMarshal.GetReference(decrypted);
            for (var j = (nuint)(n - Block); j > 0; j -= Block)
            {
                var x = Vector128.LoadUnsafe(ref p, j) ^ Vector128.LoadUnsafe(ref c, j - Block);
                x.StoreUnsafe(ref c, j);
            }

            (Vector128.LoadUnsafe(ref p) ^ iv).StoreUnsafe(ref c);
            iv = nextIv;
            data = data[n..];
        }

        return iv;
    }
}
