namespace Decryptor.Crypto;

/// <summary>
/// The crypt:skip block pattern of ISO/IEC 23001-7 §10.3-10.4, counted in 16-byte blocks.
/// </summary>
public readonly record struct EncryptionPattern(byte CryptByteBlock, byte SkipByteBlock)
{
    /// <summary>No pattern: every whole block of a protected range is encrypted.</summary>
    public bool IsNone => CryptByteBlock == 0 && SkipByteBlock == 0;
}
