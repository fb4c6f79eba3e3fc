using System.Globalization;

namespace Decryptor.Keys;

/// <summary>
/// One `CrypTrack` of a GPAC DRM file. Only the keys matter for decryption; the rest is kept
/// for diagnostics. Byte fields are empty and numbers null when the attribute is absent.
/// </summary>
public sealed class GpacDrmTrack
{
    internal GpacDrmTrack(uint trackId, IReadOnlyList<GpacDrmKey> keys)
    {
        TrackId = trackId;
        Keys = keys;
    }

    public uint TrackId { get; }

    /// <summary>The `key` children: the CENC family keys, several with key rotation.</summary>
    public IReadOnlyList<GpacDrmKey> Keys { get; }

    /// <summary>`key` (and `salt`) on `CrypTrack` itself: the ISMACryp or OMA track key.</summary>
    public ContentKey? TrackKey { get; init; }

    /// <summary>`IsEncrypted`; an absent attribute means encrypted.</summary>
    public bool IsEncrypted { get; init; } = true;

    public int? IVSize { get; init; }

    public ReadOnlyMemory<byte> FirstIV { get; init; }

    public int? ConstantIVSize { get; init; }

    public ReadOnlyMemory<byte> ConstantIV { get; init; }

    public int? CryptByteBlock { get; init; }

    public int? SkipByteBlock { get; init; }

    /// <summary>ISMACryp `selectiveType` (e.g. "Rap", "Non-Rap", "Rand").</summary>
    public string? SelectiveType { get; init; }

    /// <summary>`keyRoll`, e.g. "roll=10" or "idx=1" (CENC key rotation).</summary>
    public string? KeyRoll { get; init; }

    /// <summary>ISMACryp `kms_URI`.</summary>
    public string? KmsUri { get; init; }

    /// <summary>OMA `contentID`.</summary>
    public string? ContentId { get; init; }

    /// <summary>OMA `rightsIssuerURL`.</summary>
    public string? RightsIssuerUrl { get; init; }

    /// <summary>Attributes not interpreted here, by name as written (never keys).</summary>
    public IReadOnlyDictionary<string, string> OtherAttributes { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Describes the track without any key bytes.</summary>
    public override string ToString()
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{Keys.Count} KID key(s)"),
        };
        if (TrackKey is not null)
        {
            parts.Add(TrackKey.HasSalt ? "track key with salt" : "track key");
        }

        if (!IsEncrypted)
        {
            parts.Add("not encrypted");
        }

        if (KeyRoll is not null)
        {
            parts.Add($"keyRoll {KeyRoll}");
        }

        return $"CrypTrack trackID={TrackId} ({string.Join(", ", parts)})";
    }
}
