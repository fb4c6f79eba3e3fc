using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Decryptor.Keys;

/// <summary>
/// The cache between the decryptor and the key providers: asks for each KID (or track key)
/// once, and again only when a new KID appears, as with key rotation. Thread-safe.
/// </summary>
/// <remarks>
/// Provider calls are serialized, so a provider need not be thread-safe and two threads that
/// miss on the same KID cause one request, not two. Only keys found are cached: a miss is asked
/// again next time, since a provider may learn keys later (a key added, a license fetched).
/// Provider exceptions propagate unchanged and are not cached either.
/// </remarks>
[SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "SemaphoreSlim needs disposing only once its wait handle is used; it is not.")]
public sealed class KeyResolver
{
    private readonly IKeyProvider? _sync;
    private readonly IAsyncKeyProvider? _async;
    private readonly ILogger? _logger;
    private readonly ConcurrentDictionary<KeyCacheKey, ContentKey> _cache = new();
    private readonly SemaphoreSlim _askOne = new(1, 1);

    public KeyResolver(IAsyncKeyProvider provider, ILogger? logger = null)
        : this((object)provider, logger)
    {
    }

    public KeyResolver(IKeyProvider provider, ILogger? logger = null)
        : this((object)provider, logger)
    {
    }

    public KeyResolver(IHybridKeyProvider provider, ILogger? logger = null)
        : this((object)provider, logger)
    {
    }

    private KeyResolver(object provider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(provider);

        // Use whichever ways the provider answers, whatever overload it came through.
        _sync = provider as IKeyProvider;
        _async = provider as IAsyncKeyProvider;
        _logger = logger;
    }

    /// <summary>
    /// The key for <paramref name="request"/>. A synchronous provider is called directly; an
    /// asynchronous-only provider is waited for on this thread (moved to the thread pool under a
    /// synchronization context), so prefer <see cref="GetKeyAsync"/> with license servers.
    /// </summary>
    /// <exception cref="ContentKeyNotFoundException">No provider knows the key.</exception>
    public ContentKey GetKey(KeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var cacheKey = KeyCacheKey.For(request);
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        _askOne.Wait();
        try
        {
            if (_cache.TryGetValue(cacheKey, out cached))
            {
                return cached;
            }

            LogAsking(request);
            var key = _sync is null
                ? SyncOverAsync.GetKey(_async!, request)
                : _sync.TryGetKey(request, out var found) ? found : null;
            return Remember(cacheKey, request, key);
        }
        finally
        {
            _askOne.Release();
        }
    }

    /// <summary>
    /// The key for <paramref name="request"/>. An asynchronous provider is awaited; a
    /// synchronous-only one is called directly.
    /// </summary>
    /// <exception cref="ContentKeyNotFoundException">No provider knows the key.</exception>
    public async ValueTask<ContentKey> GetKeyAsync(
        KeyRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var cacheKey = KeyCacheKey.For(request);
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        await _askOne.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(cacheKey, out cached))
            {
                return cached;
            }

            LogAsking(request);
            var key = _async is null
                ? (_sync!.TryGetKey(request, out var found) ? found : null)
                : await _async.GetKeyAsync(request, ct).ConfigureAwait(false);
            return Remember(cacheKey, request, key);
        }
        finally
        {
            _askOne.Release();
        }
    }

    private ContentKey Remember(KeyCacheKey cacheKey, KeyRequest request, ContentKey? key)
    {
        if (key is null)
        {
            _logger?.LogDebug(
                "No key provider knows the key for KID {KeyId}, track {TrackId}",
                request.KeyId?.ToString() ?? "(none)", request.TrackId);
            throw new ContentKeyNotFoundException(request);
        }

        _cache[cacheKey] = key;
        _logger?.LogDebug(
            "Key found for KID {KeyId}, track {TrackId}",
            request.KeyId?.ToString() ?? "(none)", request.TrackId);
        return key;
    }

    private void LogAsking(KeyRequest request) =>
        _logger?.LogDebug(
            "Asking the key provider for KID {KeyId}, track {TrackId}, scheme {Scheme}, "
            + "key indicator {KeyIndicator}",
            request.KeyId?.ToString() ?? "(none)", request.TrackId, request.Scheme.ToString(),
            request.KeyIndicator);
}
