using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Independent reference ciphers for ISMACryp and OMA PDCF, built only on
/// System.Security.Cryptography (AES-ECB for keystreams, AES-CBC with PKCS#7), never on the
/// code under test.
/// </summary>
public static class HeaderSchemeReference
{
    /// <summary>
    /// ISMACryp AES-CTR (encrypts and decrypts): counter = salt ‖ u64be(BSO / 16), the first
    /// BSO mod 16 keystream bytes skipped.
    /// </summary>
    public static byte[] IsmaCtr(byte[] key, byte[] salt, ulong byteStreamOffset, byte[] data)
    {
        var counter = new byte[16];
        salt.CopyTo(counter, 0);
        BinaryPrimitives.WriteUInt64BigEndian(counter.AsSpan(8), byteStreamOffset / 16);
        var skip = (int)(byteStreamOffset % 16);
        var keystream = Keystream(key, counter, skip + data.Length, width: 8);
        var output = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            output[i] = (byte)(data[i] ^ keystream[skip + i]);
        }

        return output;
    }

    /// <summary>AES-CTR with a full 128-bit big-endian counter starting at the IV (OMA).</summary>
    public static byte[] Ctr128(byte[] key, byte[] iv, byte[] data)
    {
        var keystream = Keystream(key, (byte[])iv.Clone(), data.Length, width: 16);
        var output = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            output[i] = (byte)(data[i] ^ keystream[i]);
        }

        return output;
    }

    /// <summary>AES-CBC with PKCS#7 (RFC 2630) padding.</summary>
    public static byte[] CbcPkcs7Encrypt(byte[] key, byte[] iv, byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
    }

    /// <summary>AES-CBC of whole blocks, no padding added (to forge bad padding).</summary>
    public static byte[] CbcRawEncrypt(byte[] key, byte[] iv, byte[] blocks)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(blocks, iv, PaddingMode.None);
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Keystream blocks E(counter), E(counter + 1), ...; the increment covers the last
    /// <paramref name="width"/> bytes of the block (8: wraps in the low half; 16: full carry).
    /// </summary>
    private static byte[] Keystream(byte[] key, byte[] counter, int length, int width)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var blocks = (length + 15) / 16;
        var input = new byte[blocks * 16];
        for (var b = 0; b < blocks; b++)
        {
            counter.CopyTo(input, b * 16);
            for (var i = 15; i >= 16 - width; i--)
            {
                if (++counter[i] != 0)
                {
                    break;
                }
            }
        }

        return aes.EncryptEcb(input, PaddingMode.None);
    }
}
