using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Decryptor.Crypto;

/// <summary>
/// CTR counter arithmetic on a block held as two big-endian halves, <c>High</c> being bytes
/// 0..7 and <c>Low</c> bytes 8..15.
/// </summary>
internal static class CounterBlock
{
    /// <summary>The counter <paramref name="n"/> blocks after (high, low) as bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> At(ulong high, ulong low, ulong n, bool carry)
    {
        var l = low + n;
        var h = carry && l < low ? high + 1 : high;

        // Vector lanes are little-endian on every AES-NI machine; the block is big-endian.
        return Vector128.Create(
            BinaryPrimitives.ReverseEndianness(h),
            BinaryPrimitives.ReverseEndianness(l)).AsByte();
    }

    /// <summary>Writes the counter <paramref name="n"/> blocks ahead into 16 bytes.</summary>
    public static void Write(ulong high, ulong low, ulong n, bool carry, Span<byte> destination)
    {
        var l = low + n;
        var h = carry && l < low ? high + 1 : high;
        BinaryPrimitives.WriteUInt64BigEndian(destination, h);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], l);
    }

    /// <summary>Moves the counter <paramref name="n"/> blocks ahead.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Advance(ref ulong high, ref ulong low, ulong n, bool carry)
    {
        var l = low + n;
        if (carry && l < low)
        {
            high++;
        }

        low = l;
    }
}
