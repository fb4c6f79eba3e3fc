namespace Decryptor.Protection;

/// <summary>
/// What `schi` says for the schemes whose samples carry their own header: ISMACryp (`iSFM`,
/// `iSLT`, `iKMS`) and OMA DRM PDCF (`odkm` with `odaf` and `ohdr`).
/// </summary>
public sealed class SchemeInformation
{
    /// <summary>`iSFM` or `odaf`: the layout of each sample's header.</summary>
    public IsmaSampleFormatBox? SampleFormat { get; internal set; }

    /// <summary>The ISMACryp salt from `iSLT`; null when the file has none (GPAC).</summary>
    public byte[]? Salt { get; internal set; }

    public string? KmsUri { get; internal set; }

    public OmaCommonHeadersBox? OmaHeaders { get; internal set; }
}
