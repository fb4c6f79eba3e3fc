using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Decryptor.Crypto;

/// <summary>In-place XOR of a keystream into data.</summary>
internal static class BlockXor
{
    public static void Apply(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        ref var d = ref MemoryMarshal.GetReference(data);
        ref var k = ref MemoryMarshal.GetReference(keystream);
        var length = (nuint)data.Length;
        nuint i = 0;

        for (; length - i >= (nuint)Vector256<byte>.Count; i += (nuint)Vector256<byte>.Count)
        {
            var x = Vector256.LoadUnsafe(ref d, i) ^ Vector256.LoadUnsafe(ref k, i);
            x.StoreUnsafe(ref d, i);
        }

        for (; length - i >= (nuint)Vector128<byte>.Count; i += (nuint)Vector128<byte>.Count)
        {
            var x = Vector128.LoadUnsafe(ref d, i) ^ Vector128.LoadUnsafe(ref k, i);
            x.StoreUnsafe(ref d, i);
        }

        for (; i < length; i++)
        {
            data[(int)i] ^= keystream[(int)i];
        }
    }
}
