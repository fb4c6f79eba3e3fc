using Decryptor.Crypto;
using Decryptor.Keys;

namespace Decryptor.Protection;

/// <summary>
/// The encryption parameters that apply to a set of samples: the track's `tenc`, a `seig`
/// group entry, or a PIFF `senc` override. Samples point at one of these by index.
/// </summary>
public sealed record SampleEncryptionDefaults(
    bool IsProtected,
    CencCipher Cipher,
    byte PerSampleIvSize,
    KeyId Kid,
    byte[] ConstantIv,
    EncryptionPattern Pattern,
    string Origin)
{
    public override string ToString() =>
        IsProtected
            ? $"{Cipher} KID {Kid} IV size {PerSampleIvSize}"
              + (ConstantIv.Length > 0 ? $" constant IV ({ConstantIv.Length} bytes)" : "")
              + (Pattern.IsNone ? "" : $" pattern {Pattern.CryptByteBlock}:{Pattern.SkipByteBlock}")
              + $" from {Origin}"
            : $"clear (from {Origin})";
}
