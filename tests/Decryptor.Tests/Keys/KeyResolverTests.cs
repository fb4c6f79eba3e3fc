using Decryptor.Keys;
using Microsoft.Extensions.Logging;
using Moq;
using NUnit.Framework;
using static Decryptor.Tests.Keys.TestKeys;

namespace Decryptor.Tests.Keys;

[TestFixture]
public sealed class KeyResolverTests
{
    private delegate bool TryGetKeyCallback(KeyRequest request, out ContentKey? key);

    [Test]
    public void AsksOncePerKidAndAgainForANewKid()
    {
        var provider = SyncProvider(r => r.KeyId == KidA ? KeyA : r.KeyId == KidB ? KeyB : null);
        var resolver = new KeyResolver(provider.Object);

        for (var i = 0; i < 50; i++)
        {
            Assert.That(resolver.GetKey(ForKid(KidA, trackId: (uint)(1 + i % 2))), Is.SameAs(KeyA));
        }

        Assert.That(resolver.GetKey(ForKid(KidB)), Is.SameAs(KeyB));
        Assert.That(resolver.GetKey(ForKid(KidA)), Is.SameAs(KeyA));

        VerifyAsked(provider, KidA, Times.Once());
        VerifyAsked(provider, KidB, Times.Once());
    }

    [Test]
    public void MissesAreAskedAgain()
    {
        ContentKey? known = null;
        var provider = SyncProvider(_ => known);
        var resolver = new KeyResolver(provider.Object);

        Assert.Throws<ContentKeyNotFoundException>(() => resolver.GetKey(ForKid(KidA)));
        known = KeyA;
        var found = resolver.GetKey(ForKid(KidA));
        resolver.GetKey(ForKid(KidA));

        Assert.That(found, Is.SameAs(KeyA));
        VerifyAsked(provider, KidA, Times.Exactly(2));
    }

    [Test]
    public void TrackKeysAreCachedByTrackAndKeyIndicator()
    {
        var provider = SyncProvider(r => r.KeyIndicator == 0 ? KeyA : KeyB);
        var resolver = new KeyResolver(provider.Object);
        var track = new KeyRequest(2, Isma, null);

        resolver.GetKey(track);
        resolver.GetKey(track);
        var indicated = resolver.GetKey(track with { KeyIndicator = 1 });
        resolver.GetKey(track with { TrackId = 3 });

        Assert.That(indicated, Is.SameAs(KeyB));
        provider.Verify(
            p => p.TryGetKey(It.IsAny<KeyRequest>(), out It.Ref<ContentKey?>.IsAny),
            Times.Exactly(3));
    }

    [Test]
    public async Task AwaitsAnAsyncProviderOncePerKid()
    {
        var provider = new Mock<IAsyncKeyProvider>(MockBehavior.Strict);
        provider
            .Setup(p => p.GetKeyAsync(It.IsAny<KeyRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (KeyRequest r, CancellationToken ct) =>
            {
                await Task.Delay(5, ct);
                return r.KeyId == KidA ? KeyA : null;
            });
        var resolver = new KeyResolver(provider.Object);

        var first = await resolver.GetKeyAsync(ForKid(KidA));
        var second = await resolver.GetKeyAsync(ForKid(KidA));
        var blocking = resolver.GetKey(ForKid(KidA));

        Assert.That(new[] { first, second, blocking }, Has.All.SameAs(KeyA));
        provider.Verify(
            p => p.GetKeyAsync(It.IsAny<KeyRequest>(), It.IsAny<CancellationToken>()),
            Times.Once);
        Assert.That(
            async () => await resolver.GetKeyAsync(ForKid(KidB)),
            Throws.TypeOf<ContentKeyNotFoundException>());
    }

    [Test]
    public void BlocksOnAnAsyncOnlyProviderForSyncCallers()
    {
        var provider = new Mock<IAsyncKeyProvider>();
        provider
            .Setup(p => p.GetKeyAsync(It.IsAny<KeyRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(5);
                return KeyB;
            });

        var key = new KeyResolver(provider.Object).GetKey(ForKid(KidB));

        Assert.That(key, Is.SameAs(KeyB));
    }

    [Test]
    public async Task ConcurrentMissesOnOneKidAskOnce()
    {
        var calls = 0;
        var provider = new DelegateKeyProvider(async (_, ct) =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(20, ct);
            return KeyA;
        });
        var resolver = new KeyResolver(provider);

        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => i % 2 == 0
            ? Task.Run(() => resolver.GetKey(ForKid(KidA)))
            : resolver.GetKeyAsync(ForKid(KidA)).AsTask()));

        Assert.That(keys, Has.All.SameAs(KeyA));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void ProviderExceptionsPropagateAndAreNotCached()
    {
        var provider = new Mock<IKeyProvider>();
        provider
            .Setup(p => p.TryGetKey(It.IsAny<KeyRequest>(), out It.Ref<ContentKey?>.IsAny))
            .Throws(new HttpRequestException("license server down"));
        var resolver = new KeyResolver(provider.Object);

        Assert.Throws<HttpRequestException>(() => resolver.GetKey(ForKid(KidA)));
        Assert.That(
            async () => await resolver.GetKeyAsync(ForKid(KidA)),
            Throws.TypeOf<HttpRequestException>());
        VerifyAsked(provider, KidA, Times.Exactly(2));
    }

    [Test]
    public void CancelledWaitThrows()
    {
        var resolver = new KeyResolver(new StaticKeyProvider());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            async () => await resolver.GetKeyAsync(ForKid(KidA), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void LogsKidAndTrackButNoKeyBytes()
    {
        var messages = new List<string>();
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        logger
            .Setup(l => l.Log(
                It.IsAny<LogLevel>(), It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(),
                It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()))
            .Callback(new InvocationAction(call => messages.Add($"{call.Arguments[2]}")));
        var provider = new StaticKeyProvider();
        provider.AddKey(KidA, KeyA);
        var resolver = new KeyResolver(provider, logger.Object);

        resolver.GetKey(ForKid(KidA, trackId: 7));
        Assert.Throws<ContentKeyNotFoundException>(() => resolver.GetKey(ForKid(KidB)));

        var log = string.Join("\n", messages);
        Assert.That(log, Does.Contain(KidA.ToString()).And.Contain("7"));
        KeyAssert.Conceals(log, Hex(KeyA));
    }

    private static Mock<IKeyProvider> SyncProvider(Func<KeyRequest, ContentKey?> answer)
    {
        var provider = new Mock<IKeyProvider>(MockBehavior.Strict);
        provider
            .Setup(p => p.TryGetKey(It.IsAny<KeyRequest>(), out It.Ref<ContentKey?>.IsAny))
            .Returns(new TryGetKeyCallback((KeyRequest request, out ContentKey? key) =>
            {
                key = answer(request);
                return key is not null;
            }));
        return provider;
    }

    private static void VerifyAsked(Mock<IKeyProvider> provider, KeyId kid, Times times) =>
        provider.Verify(
            p => p.TryGetKey(It.Is<KeyRequest>(r => r.KeyId == kid), out It.Ref<ContentKey?>.IsAny),
            times);
}
