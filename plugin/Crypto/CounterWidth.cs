namespace Decryptor.Crypto;

/// <summary>How many low bytes of a CTR counter block form the incrementing counter.</summary>
public enum CounterWidth
{
    /// <summary>
    /// Bytes 8..15 count and wrap without carrying into bytes 0..7 (ISO/IEC 23001-7 §10.1).
    /// </summary>
    Bits64,

    /// <summary>The whole block is one big-endian counter (OMA DRM PDCF AES-128-CTR).</summary>
    Bits128,
}
