using Decryptor.Crypto;
using Decryptor.IsoBmff;
using Decryptor.Movie;
using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>How one protected sample entry is protected.</summary>
public sealed class TrackProtection
{
    internal TrackProtection(SampleEntry entry, ProtectionSchemeInfoBox sinf)
    {
        Entry = entry;
        Sinf = sinf;
        Cipher = CipherOf(sinf);
        if (Cipher is { } cipher && sinf.TrackEncryption is { } tenc)
        {
            TrackDefaults = new SampleEncryptionDefaults(tenc.IsProtected, cipher,
                tenc.DefaultPerSampleIvSize, tenc.DefaultKid, tenc.DefaultConstantIv,
                new EncryptionPattern(tenc.DefaultCryptByteBlock, tenc.DefaultSkipByteBlock),
                tenc.PiffAlgorithmId is null ? "tenc" : "PIFF tenc");
        }
    }

    public SampleEntry Entry { get; }

    public ProtectionSchemeInfoBox Sinf { get; }

    public FourCC SchemeType => Sinf.SchemeType.SchemeType;

    public FourCC OriginalFormat => Sinf.OriginalFormat;

    /// <summary>The Common Encryption cipher, or null for a scheme outside that family.</summary>
    public CencCipher? Cipher { get; }

    /// <summary>The `tenc` defaults, or null when the scheme has no `tenc`.</summary>
    public SampleEncryptionDefaults? TrackDefaults { get; }

    public bool IsCommonEncryption => Cipher is not null && TrackDefaults is not null;

    /// <summary>The cipher of a PIFF AlgorithmID (PIFF 1.1 §5.3.1): 1 = CTR, 2 = CBC.</summary>
    internal static CencCipher? CipherOfPiffAlgorithm(uint algorithmId) => algorithmId switch
    {
        1 => CencCipher.Cenc,
        2 => CencCipher.Cbc1,
        _ => null,
    };

    private static CencCipher? CipherOf(ProtectionSchemeInfoBox sinf)
    {
        var scheme = sinf.SchemeType.SchemeType;
        if (scheme == SchemeTypes.Cenc)
        {
            return CencCipher.Cenc;
        }

        if (scheme == SchemeTypes.Cbc1)
        {
            return CencCipher.Cbc1;
        }

        if (scheme == SchemeTypes.Cens)
        {
            return CencCipher.Cens;
        }

        if (scheme == SchemeTypes.Cbcs)
        {
            return CencCipher.Cbcs;
        }

        if (scheme == SchemeTypes.Piff && sinf.TrackEncryption?.PiffAlgorithmId is { } id)
        {
            return CipherOfPiffAlgorithm(id);
        }

        return null;
    }
}
