namespace Decryptor.Keys;

/// <summary>One `key` element of a GPAC DRM file: a KID and its content key.</summary>
public sealed record GpacDrmKey(KeyId KeyId, ContentKey Key)
{
    /// <summary>Names the KID only; the key stays hidden.</summary>
    public override string ToString() => $"GpacDrmKey(KID {KeyId})";
}
