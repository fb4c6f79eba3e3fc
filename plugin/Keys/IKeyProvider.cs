using System.Diagnostics.CodeAnalysis;

namespace Decryptor.Keys;

/// <summary>Answers key requests at once, from keys it already holds.</summary>
public interface IKeyProvider
{
    /// <summary>False when this provider does not know the key; it then may ask another.</summary>
    bool TryGetKey(KeyRequest request, [NotNullWhen(true)] out ContentKey? key);
}
