using System.Diagnostics.CodeAnalysis;

namespace Decryptor.Keys;

/// <summary>
/// A key provider made from a callback, the simplest way for an application to answer.
/// </summary>
public sealed class DelegateKeyProvider : IHybridKeyProvider
{
    private readonly Func<KeyRequest, ContentKey?>? _sync;
    private readonly Func<KeyRequest, CancellationToken, ValueTask<ContentKey?>>? _async;

    /// <summary>Wraps a callback that answers at once; null means "not known".</summary>
    public DelegateKeyProvider(Func<KeyRequest, ContentKey?> getKey)
    {
        ArgumentNullException.ThrowIfNull(getKey);
        _sync = getKey;
    }

    /// <summary>
    /// Wraps an asynchronous callback; null means "not known". <see cref="TryGetKey"/> blocks
    /// until it completes.
    /// </summary>
    public DelegateKeyProvider(
        Func<KeyRequest, CancellationToken, ValueTask<ContentKey?>> getKeyAsync)
    {
        ArgumentNullException.ThrowIfNull(getKeyAsync);
        _async = getKeyAsync;
    }

    public bool TryGetKey(KeyRequest request, [NotNullWhen(true)] out ContentKey? key)
    {
        key = _sync is not null ? _sync(request) : SyncOverAsync.GetKey(this, request);
        return key is not null;
    }

    public ValueTask<ContentKey?> GetKeyAsync(
        KeyRequest request, CancellationToken cancellationToken)
    {
        if (_async is not null)
        {
            return _async(request, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_sync!(request));
    }
}
