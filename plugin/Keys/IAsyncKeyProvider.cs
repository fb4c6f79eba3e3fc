namespace Decryptor.Keys;

/// <summary>Answers key requests that may need I/O, such as a license request.</summary>
public interface IAsyncKeyProvider
{
    /// <summary>The key, or null when this provider does not know it.</summary>
    ValueTask<ContentKey?> GetKeyAsync(KeyRequest request, CancellationToken cancellationToken);
}
