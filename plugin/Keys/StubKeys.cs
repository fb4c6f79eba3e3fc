using Decryptor.IsoBmff;

namespace Decryptor.Keys;

public sealed record KeyRequest(uint TrackId, FourCC Scheme, KeyId? KeyId,
    IReadOnlyList<ProtectionSystemHeader> ProtectionSystemHeaders)
{
    public uint KeyIndicator { get; init; }

    public string? ContentId { get; init; }
}

public sealed class KeyResolver(Func<KeyRequest, ContentKey?> f)
{
    public ContentKey GetKey(KeyRequest request) => f(request) ?? throw new InvalidOperationException("no key");
}
