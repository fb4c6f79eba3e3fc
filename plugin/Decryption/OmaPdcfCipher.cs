using Decryptor.Crypto;
using Decryptor.IsoBmff;
using Decryptor.Protection;

namespace Decryptor.Decryption;

/// <summary>
/// OMA DRM PDCF sample decryption (OMA DRM 2.1 DCF §5.3): AES-128-CBC with RFC 2630 padding,
/// or AES-128-CTR with the IV as the initial 128-bit counter.
/// </summary>
public static class OmaPdcfCipher
{
    private const int Block = 16;

    /// <summary>Decrypts <paramref name="payload"/> in place; returns the clear length.</summary>
    public static int Decrypt(AesContext key, OmaCommonHeadersBox headers, ReadOnlySpan<byte> iv,
        Span<byte> payload, long payloadOffset, string label)
    {
        Span<byte> fullIv = stackalloc byte[Block];
        fullIv.Clear();
        iv.CopyTo(fullIv);
        switch (headers.EncryptionMethod)
        {
            case OmaCommonHeadersBox.MethodNone:
                return payload.Length;
            case OmaCommonHeadersBox.MethodAesCtr:
                AesCtr.Transform(key, fullIv, 0, payload, CounterWidth.Bits128);
                return payload.Length;
        }

        if (payload.Length % Block != 0)
        {
            throw new Mp4FormatException("sample", payloadOffset, "ciphertext",
                $"{label}: AES-CBC ciphertext of {payload.Length} bytes is not whole blocks");
        }

        AesCbc.Decrypt(key, fullIv, payload);
        return headers.PaddingScheme == OmaCommonHeadersBox.PaddingRfc2630
            ? payload.Length - PaddingLength(payload, payloadOffset, label)
            : payload.Length;
    }

    /// <summary>RFC 2630 §6.3 padding: n bytes of value n, 1 to 16. Never guessed.</summary>
    private static int PaddingLength(ReadOnlySpan<byte> clear, long payloadOffset, string label)
    {
        var n = clear.IsEmpty ? 0 : clear[^1];
        var valid = n is >= 1 and <= Block && n <= clear.Length;
        for (var i = 1; valid && i <= n; i++)
        {
            valid = clear[^i] == n;
        }

        if (!valid)
        {
            throw new Mp4FormatException("sample", payloadOffset + clear.Length - 1, "padding",
                $"{label}: the RFC 2630 padding is wrong after decryption (wrong key or "
                + "corrupt sample)");
        }

        return n;
    }
}
