using System.Security.Cryptography;

namespace Decryptor.Tests.Crypto;

/// <summary>
/// Deliberately plain block-by-block CTR and CBC over the platform ECB primitive, written
/// without looking at the kernels, to check them against.
/// </summary>
internal static class ReferenceAes
{
    public static byte[] EncryptBlock(byte[] key, ReadOnlySpan<byte> block)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptEcb(block.ToArray(), PaddingMode.None);
    }

    public static byte[] DecryptBlock(byte[] key, ReadOnlySpan<byte> block)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptEcb(block.ToArray(), PaddingMode.None);
    }

    /// <summary>Adds one to the counter, byte by byte from the end, over the given width.</summary>
    public static void Increment(byte[] counter, int widthBytes)
    {
        for (var i = 15; i >= 16 - widthBytes; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }

    public static byte[] Keystream(byte[] key, byte[] counterBlock, int length, int widthBytes)
    {
        var counter = (byte[])counterBlock.Clone();
        var keystream = new byte[length];
        for (var offset = 0; offset < length; offset += 16)
        {
            var block = EncryptBlock(key, counter);
            Array.Copy(block, 0, keystream, offset, Math.Min(16, length - offset));
            Increment(counter, widthBytes);
        }

        return keystream;
    }

    public static byte[] Ctr(
        byte[] key, byte[] counterBlock, int skip, byte[] data, int widthBytes = 8)
    {
        var keystream = Keystream(key, counterBlock, data.Length + skip, widthBytes);
        var result = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            result[i] = (byte)(data[i] ^ keystream[i + skip]);
        }

        return result;
    }

    public static byte[] CbcEncrypt(byte[] key, byte[] iv, byte[] plain)
    {
        var chain = (byte[])iv.Clone();
        var result = new byte[plain.Length];
        for (var offset = 0; offset < plain.Length; offset += 16)
        {
            var block = new byte[16];
            for (var i = 0; i < 16; i++)
            {
                block[i] = (byte)(plain[offset + i] ^ chain[i]);
            }

            chain = EncryptBlock(key, block);
            chain.CopyTo(result, offset);
        }

        return result;
    }

    public static byte[] CbcDecrypt(byte[] key, byte[] iv, byte[] cipher)
    {
        var chain = (byte[])iv.Clone();
        var result = new byte[cipher.Length];
        for (var offset = 0; offset < cipher.Length; offset += 16)
        {
            var block = cipher.AsSpan(offset, 16);
            var plain = DecryptBlock(key, block);
            for (var i = 0; i < 16; i++)
            {
                result[offset + i] = (byte)(plain[i] ^ chain[i]);
            }

            chain = block.ToArray();
        }

        return result;
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
