namespace Decryptor.Keys;

/// <summary>Waits for an asynchronous key provider from synchronous code.</summary>
internal static class SyncOverAsync
{
    /// <summary>
    /// Runs <paramref name="provider"/> and blocks until it answers. Under a synchronization
    /// context (UI threads, some hosts) the call moves to the thread pool, so that a provider
    /// whose continuations need that context cannot deadlock against this blocked thread.
    /// </summary>
    public static ContentKey? GetKey(IAsyncKeyProvider provider, KeyRequest request)
    {
        if (SynchronizationContext.Current is null
            && TaskScheduler.Current == TaskScheduler.Default)
        {
            var pending = provider.GetKeyAsync(request, CancellationToken.None);
            return pending.IsCompletedSuccessfully
                ? pending.Result
                : pending.AsTask().GetAwaiter().GetResult();
        }

        return Task.Run(() => provider.GetKeyAsync(request, CancellationToken.None).AsTask())
            .GetAwaiter()
            .GetResult();
    }
}
