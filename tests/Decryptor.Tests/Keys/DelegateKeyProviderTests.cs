using Decryptor.Keys;
using NUnit.Framework;
using static Decryptor.Tests.Keys.TestKeys;

namespace Decryptor.Tests.Keys;

[TestFixture]
public sealed class DelegateKeyProviderTests
{
    [Test]
    public void SyncCallbackSeesTheRequest()
    {
        KeyRequest? seen = null;
        var provider = new DelegateKeyProvider(request =>
        {
            seen = request;
            return request.KeyId == KidA ? KeyA : null;
        });

        Assert.That(provider.TryGetKey(ForKid(KidA, trackId: 4), out var key));
        Assert.That(key, Is.SameAs(KeyA));
        Assert.That(seen, Is.EqualTo(ForKid(KidA, trackId: 4)));
        Assert.That(provider.TryGetKey(ForKid(KidB), out _), Is.False);
    }

    [Test]
    public async Task SyncCallbackAnswersAsync()
    {
        var provider = new DelegateKeyProvider(_ => KeyA);

        Assert.That(await provider.GetKeyAsync(ForKid(KidA), default), Is.SameAs(KeyA));
    }

    [Test]
    public async Task AsyncCallbackGetsTheToken()
    {
        using var source = new CancellationTokenSource();
        CancellationToken seen = default;
        var provider = new DelegateKeyProvider(async (request, ct) =>
        {
            seen = ct;
            await Task.Delay(1, ct);
            return request.KeyId == KidB ? KeyB : null;
        });

        var key = await provider.GetKeyAsync(ForKid(KidB), source.Token);

        Assert.That(key, Is.SameAs(KeyB));
        Assert.That(seen, Is.EqualTo(source.Token));
    }

    [Test]
    public void AsyncCallbackAnswersSync()
    {
        var provider = new DelegateKeyProvider(async (request, ct) =>
        {
            await Task.Delay(1, ct);
            return request.KeyId == KidB ? KeyB : null;
        });

        Assert.That(provider.TryGetKey(ForKid(KidB), out var key));
        Assert.That(key, Is.SameAs(KeyB));
        Assert.That(provider.TryGetKey(ForKid(KidA), out _), Is.False);
    }

    [Test]
    public void CallbackExceptionsPropagate()
    {
        var provider = new DelegateKeyProvider(_ => throw new InvalidOperationException("down"));

        Assert.Throws<InvalidOperationException>(() => provider.TryGetKey(ForKid(KidA), out _));
    }
}
