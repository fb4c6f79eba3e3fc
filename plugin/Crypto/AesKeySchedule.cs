using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sse2 = System.Runtime.Intrinsics.X86.Sse2;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Decryptor.Crypto;

/// <summary>AES-128 key expansion with AES-NI (FIPS-197 §5.2 and §5.3.5).</summary>
internal static class AesKeySchedule
{
    public const int RoundKeyCount = 11;

    /// <summary>Fills 11 encryption round keys and the 11 matching decryption round keys.</summary>
    public static void Expand(
        ReadOnlySpan<byte> key, Span<Vector128<byte>> encrypt, Span<Vector128<byte>> decrypt)
    {
        var k = Vector128.Create(key);

        // AesKeygenAssist needs its round constant as an immediate, hence no loop.
        encrypt[0] = k;
        encrypt[1] = k = Next(k, X86Aes.KeygenAssist(k, 0x01));
        encrypt[2] = k = Next(k, X86Aes.KeygenAssist(k, 0x02));
        encrypt[3] = k = Next(k, X86Aes.KeygenAssist(k, 0x04));
        encrypt[4] = k = Next(k, X86Aes.KeygenAssist(k, 0x08));
        encrypt[5] = k = Next(k, X86Aes.KeygenAssist(k, 0x10));
        encrypt[6] = k = Next(k, X86Aes.KeygenAssist(k, 0x20));
        encrypt[7] = k = Next(k, X86Aes.KeygenAssist(k, 0x40));
        encrypt[8] = k = Next(k, X86Aes.KeygenAssist(k, 0x80));
        encrypt[9] = k = Next(k, X86Aes.KeygenAssist(k, 0x1b));
        encrypt[10] = Next(k, X86Aes.KeygenAssist(k, 0x36));

        // The equivalent inverse cipher (FIPS-197 §5.3.5) runs the keys backwards with
        // InvMixColumns applied to the inner ones, which is what AESDEC expects.
        decrypt[0] = encrypt[10];
        for (var i = 1; i < RoundKeyCount - 1; i++)
        {
            decrypt[i] = X86Aes.InverseMixColumns(encrypt[RoundKeyCount - 1 - i]);
        }

        decrypt[10] = encrypt[0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Next(Vector128<byte> key, Vector128<byte> assist)
    {
        // Broadcast RotWord(SubWord(w3)) ^ rcon, then fold the running XOR of w0..w3.
        var t = Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte();
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
        return key ^ t;
    }
}
