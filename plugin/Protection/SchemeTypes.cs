using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>Scheme four-CCs of `schm` (ISO/IEC 23001-7 §4.2, PIFF, ISMA, OMA).</summary>
public static class SchemeTypes
{
    public static readonly FourCC Cenc = FourCC.Parse("cenc");
    public static readonly FourCC Cbc1 = FourCC.Parse("cbc1");
    public static readonly FourCC Cens = FourCC.Parse("cens");
    public static readonly FourCC Cbcs = FourCC.Parse("cbcs");

    /// <summary>
    /// PIFF 1.1 files name their scheme `piff`; the cipher is in the tenc uuid box.
    /// </summary>
    public static readonly FourCC Piff = FourCC.Parse("piff");

    /// <summary>ISMA E&amp;A 1.1 AES-CTR.</summary>
    public static readonly FourCC IsmaCryp = FourCC.Parse("iAEC");

    /// <summary>OMA DRM 2 PDCF.</summary>
    public static readonly FourCC OmaDrm = FourCC.Parse("odkm");
}
