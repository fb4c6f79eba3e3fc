using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Decryptor.Crypto;

/// <summary>AES-CTR keystream applied in place (encryption and decryption are the same).</summary>
public static class AesCtr
{
    /// <summary>
    /// XORs <paramref name="data"/> with the keystream that starts at
    /// <paramref name="counterBlock"/>, discarding the first <paramref name="skipBytes"/>
    /// keystream bytes (ISMACryp starts at a byte-stream offset inside a block).
    /// </summary>
    public static void Transform(
        AesContext key,
        ReadOnlySpan<byte> counterBlock,
        int skipBytes,
        Span<byte> data,
        CounterWidth width = CounterWidth.Bits64)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (counterBlock.Length != AesContext.BlockSize)
        {
            throw new ArgumentException(
                $"A counter block is {AesContext.BlockSize} bytes.", nameof(counterBlock));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(skipBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skipBytes, AesContext.BlockSize - 1);

        var high = BinaryPrimitives.ReadUInt64BigEndian(counterBlock);
        var low = BinaryPrimitives.ReadUInt64BigEndian(counterBlock[8..]);
        TransformCore(key, high, low, skipBytes, data, width == CounterWidth.Bits128);
    }

    /// <summary>The unchecked kernel entry: counter halves already decoded.</summary>
    internal static void TransformCore(
        AesContext key, ulong high, ulong low, int skipBytes, Span<byte> data, bool carry)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (skipBytes != 0)
        {
            Span<byte> keystream = stackalloc byte[AesContext.BlockSize];
            KeystreamBlock(key, high, low, carry, keystream);

            var n = Math.Min(AesContext.BlockSize - skipBytes, data.Length);
            BlockXor.Apply(data[..n], keystream.Slice(skipBytes, n));
            CounterBlock.Advance(ref high, ref low, 1, carry);
            data = data[n..];
        }

        if (key.UsesHardware)
        {
            AesNiKernels.CtrTransform(key.EncryptKeys, high, low, data, carry);
        }
        else
        {
            SoftwareKernels.CtrTransform(key, high, low, data, carry);
        }
    }

    private static void KeystreamBlock(
        AesContext key, ulong high, ulong low, bool carry, Span<byte> keystream)
    {
        if (key.UsesHardware)
        {
            key.EncryptBlock(CounterBlock.At(high, low, 0, carry)).CopyTo(keystream);
            return;
        }

        CounterBlock.Write(high, low, 0, carry, keystream);
        key.EncryptBlock(keystream, keystream);
    }
}
