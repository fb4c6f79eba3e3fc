using Decryptor.Keys;
using Moq;
using NUnit.Framework;
using static Decryptor.Tests.Keys.TestKeys;

namespace Decryptor.Tests.Keys;

[TestFixture]
public sealed class CompositeKeyProviderTests
{
    [Test]
    public void FirstProviderThatKnowsWins()
    {
        var first = new StaticKeyProvider();
        first.AddKey(KidA, KeyA);
        var second = new StaticKeyProvider();
        second.AddKey(KidA, KeyB);
        second.AddKey(KidB, KeyB);
        var composite = new CompositeKeyProvider(first, second);

        Assert.That(composite.TryGetKey(ForKid(KidA), out var a));
        Assert.That(composite.TryGetKey(ForKid(KidB), out var b));

        Assert.That(a, Is.SameAs(KeyA));
        Assert.That(b, Is.SameAs(KeyB));
    }

    [Test]
    public void LaterProvidersAreNotAskedOnceOneKnows()
    {
        var known = new DelegateKeyProvider(_ => KeyA);
        var later = new Mock<IKeyProvider>(MockBehavior.Strict);
        var composite = new CompositeKeyProvider().Add(known).Add(later.Object);

        Assert.That(composite.TryGetKey(ForKid(KidA), out _));

        later.VerifyNoOtherCalls();
    }

    [Test]
    public void NoProviderKnows()
    {
        var composite = new CompositeKeyProvider(new StaticKeyProvider());

        Assert.That(composite.TryGetKey(ForKid(KidA), out var key), Is.False);
        Assert.That(key, Is.Null);
        Assert.That(new CompositeKeyProvider().TryGetKey(ForKid(KidA), out _), Is.False);
    }

    [Test]
    public async Task MixesSyncAndAsyncProvidersInOrder()
    {
        var asyncOnly = new Mock<IAsyncKeyProvider>();
        asyncOnly
            .Setup(p => p.GetKeyAsync(
                It.Is<KeyRequest>(r => r.KeyId == KidB), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Yield();
                return KeyB;
            });
        var syncOnly = new StaticKeyProvider();
        syncOnly.AddKey(KidA, KeyA);
        var composite = new CompositeKeyProvider().Add(syncOnly).Add(asyncOnly.Object);

        var viaAsync = await composite.GetKeyAsync(ForKid(KidB), CancellationToken.None);
        var viaSync = composite.TryGetKey(ForKid(KidB), out var blocked) ? blocked : null;
        var first = await composite.GetKeyAsync(ForKid(KidA), CancellationToken.None);

        Assert.That(viaAsync, Is.SameAs(KeyB));
        Assert.That(viaSync, Is.SameAs(KeyB));
        Assert.That(first, Is.SameAs(KeyA));
        asyncOnly.Verify(
            p => p.GetKeyAsync(It.IsAny<KeyRequest>(), It.IsAny<CancellationToken>()),
            Times.Exactly(2));
    }

    [Test]
    public void CancellationStopsTheSearch()
    {
        var composite = new CompositeKeyProvider(new StaticKeyProvider());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            async () => await composite.GetKeyAsync(ForKid(KidA), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void CountsProviders()
    {
        var composite = new CompositeKeyProvider(new StaticKeyProvider(), new StaticKeyProvider());

        composite.Add(new DelegateKeyProvider(_ => null));

        Assert.That(composite.Count, Is.EqualTo(3));
    }
}
