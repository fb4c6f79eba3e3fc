using System.Diagnostics.CodeAnalysis;

namespace Decryptor.Keys;

/// <summary>
/// Asks several providers in order; the first that knows the key wins. Typical order: keys
/// given on the command line, then key files, then a license server.
/// </summary>
/// <remarks>
/// Each provider is used the way it answers best: a provider that is only asynchronous is
/// waited for in <see cref="TryGetKey"/>, one that is only synchronous is called directly by
/// <see cref="GetKeyAsync"/>. Adding providers is thread-safe; a lookup sees the providers
/// present when it started.
/// </remarks>
public sealed class CompositeKeyProvider : IHybridKeyProvider
{
    private readonly Lock _gate = new();
    private Entry[] _entries = [];

    public CompositeKeyProvider()
    {
    }

    public CompositeKeyProvider(params IKeyProvider[] providers)
    {
        foreach (var provider in providers)
        {
            Add(provider);
        }
    }

    public CompositeKeyProvider(params IAsyncKeyProvider[] providers)
    {
        foreach (var provider in providers)
        {
            Add(provider);
        }
    }

    public CompositeKeyProvider(params IHybridKeyProvider[] providers)
    {
        foreach (var provider in providers)
        {
            Add(provider);
        }
    }

    /// <summary>The number of providers asked.</summary>
    public int Count => Volatile.Read(ref _entries).Length;

    /// <summary>Adds a provider, asked after those already added.</summary>
    public CompositeKeyProvider Add(IKeyProvider provider) => AddEntry(provider);

    /// <inheritdoc cref="Add(IKeyProvider)"/>
    public CompositeKeyProvider Add(IAsyncKeyProvider provider) => AddEntry(provider);

    /// <inheritdoc cref="Add(IKeyProvider)"/>
    public CompositeKeyProvider Add(IHybridKeyProvider provider) => AddEntry(provider);

    public bool TryGetKey(KeyRequest request, [NotNullWhen(true)] out ContentKey? key)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            key = entry.Ask(request);
            if (key is not null)
            {
                return true;
            }
        }

        key = null;
        return false;
    }

    public async ValueTask<ContentKey?> GetKeyAsync(
        KeyRequest request, CancellationToken cancellationToken)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            cancellationToken.ThrowIfCancellationRequested();

            var key = await entry.AskAsync(request, cancellationToken).ConfigureAwait(false);
            if (key is not null)
            {
                return key;
            }
        }

        return null;
    }

    private CompositeKeyProvider AddEntry(object provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var entry = new Entry(provider as IKeyProvider, provider as IAsyncKeyProvider);

        // Copy on write: lookups enumerate a snapshot without taking the lock.
        lock (_gate)
        {
            _entries = [.. _entries, entry];
        }

        return this;
    }

    /// <summary>One provider, seen through whichever of the two interfaces it implements.</summary>
    private readonly record struct Entry(IKeyProvider? Sync, IAsyncKeyProvider? Async)
    {
        public ContentKey? Ask(KeyRequest request)
        {
            if (Sync is null)
            {
                return SyncOverAsync.GetKey(Async!, request);
            }

            return Sync.TryGetKey(request, out var key) ? key : null;
        }

        public ValueTask<ContentKey?> AskAsync(KeyRequest request, CancellationToken ct)
        {
            if (Async is not null)
            {
                return Async.GetKeyAsync(request, ct);
            }

            return ValueTask.FromResult(Sync!.TryGetKey(request, out var key) ? key : null);
        }
    }
}
