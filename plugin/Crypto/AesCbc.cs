using System.Runtime.Intrinsics;

namespace Decryptor.Crypto;

/// <summary>AES-CBC decryption in place over whole blocks.</summary>
public static class AesCbc
{
    /// <summary>
    /// Decrypts <paramref name="data"/> (a multiple of 16 bytes) in place and, when
    /// <paramref name="nextIv"/> is given, writes the chain state there: the last ciphertext
    /// block, or <paramref name="iv"/> itself when <paramref name="data"/> is empty.
    /// </summary>
    public static void Decrypt(
        AesContext key, ReadOnlySpan<byte> iv, Span<byte> data, Span<byte> nextIv = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (iv.Length != AesContext.BlockSize)
        {
            throw new ArgumentException($"A CBC IV is {AesContext.BlockSize} bytes.", nameof(iv));
        }

        if (data.Length % AesContext.BlockSize != 0)
        {
            throw new ArgumentException(
                $"CBC data is a multiple of {AesContext.BlockSize} bytes.", nameof(data));
        }

        if (!nextIv.IsEmpty && nextIv.Length < AesContext.BlockSize)
        {
            throw new ArgumentException(
                $"The chain state is {AesContext.BlockSize} bytes.", nameof(nextIv));
        }

        var chain = DecryptCore(key, Vector128.Create(iv), data);
        if (!nextIv.IsEmpty)
        {
            chain.CopyTo(nextIv);
        }
    }

    /// <summary>The unchecked kernel entry; returns the new chain state.</summary>
    internal static Vector128<byte> DecryptCore(
        AesContext key, Vector128<byte> iv, Span<byte> data)
    {
        if (data.IsEmpty)
        {
            return iv;
        }

        return key.UsesHardware
            ? AesNiKernels.CbcDecrypt(key.DecryptKeys, iv, data)
            : SoftwareKernels.CbcDecrypt(key, iv, data);
    }
}
