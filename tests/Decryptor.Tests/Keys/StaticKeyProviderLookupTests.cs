using Decryptor.IsoBmff;
using Decryptor.Keys;
using NUnit.Framework;

namespace Decryptor.Tests.Keys;

/// <summary>Which key <see cref="StaticKeyProvider"/> answers for a request.</summary>
[TestFixture]
public sealed class StaticKeyProviderLookupTests
{
    private static readonly FourCC Cenc = TestKeys.Cenc;
    private static readonly FourCC Oma = TestKeys.Oma;
    private static readonly KeyId KidA = TestKeys.KidA;
    private static readonly KeyId KidB = TestKeys.KidB;
    private static readonly ContentKey KeyA = TestKeys.KeyA;
    private static readonly ContentKey KeyB = TestKeys.KeyB;
    private static readonly ContentKey TrackKey = TestKeys.Fill(0xC3);

    [Test]
    public void FindsByKid()
    {
        var provider = new StaticKeyProvider();
        provider.AddKey(KidA, KeyA);
        provider.AddKey(KidB, KeyB);

        Assert.That(provider.TryGetKey(new KeyRequest(9, Cenc, KidB), out var key));
        Assert.That(key, Is.SameAs(KeyB));
    }

    [Test]
    public void KidRequestFallsBackToTheTrackKey()
    {
        var provider = new StaticKeyProvider();
        provider.AddKey(KidA, KeyA);
        provider.AddTrackKey(2, TrackKey);

        Assert.That(provider.TryGetKey(new KeyRequest(2, Cenc, KidB), out var key));
        Assert.That(key, Is.SameAs(TrackKey));
        Assert.That(provider.TryGetKey(new KeyRequest(3, Cenc, KidB), out _), Is.False);
    }

    [Test]
    public void KeyIndicatorNeverFallsBackToAnotherKey()
    {
        var provider = new StaticKeyProvider();
        provider.AddTrackKey(1, TrackKey);
        provider.AddTrackKey(1, KeyA, keyIndicator: 5);

        var five = new KeyRequest(1, TestKeys.Isma, null) { KeyIndicator = 5 };
        Assert.That(provider.TryGetKey(five, out var key));
        Assert.That(key, Is.SameAs(KeyA));
        Assert.That(provider.TryGetKey(five with { KeyIndicator = 6 }, out _), Is.False);
        Assert.That(provider.TryGetKey(five with { KeyIndicator = 0 }, out key));
        Assert.That(key, Is.SameAs(TrackKey));
    }

    [Test]
    public void FindsOmaKeysByContentIdBeforeTrack()
    {
        var provider = new StaticKeyProvider();
        provider.AddTrackKey(1, TrackKey);
        provider.AddContentIdKey("cid:track1@corpus.example", KeyA);

        var request = new KeyRequest(1, Oma, null) { ContentId = "cid:track1@corpus.example" };
        Assert.That(provider.TryGetKey(request, out var key));
        Assert.That(key, Is.SameAs(KeyA));
        Assert.That(provider.TryGetKey(request with { ContentId = "cid:other" }, out key));
        Assert.That(key, Is.SameAs(TrackKey));
    }

    [Test]
    public void LaterKeyReplacesEarlier()
    {
        var provider = new StaticKeyProvider();
        provider.AddKey(KidA, KeyA);
        provider.AddKey(KidA, KeyB);

        Assert.That(provider.TryGetKey(new KeyRequest(1, Cenc, KidA), out var key));
        Assert.That(key, Is.SameAs(KeyB));
        Assert.That(provider.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AsyncLookupGivesTheSameAnswers()
    {
        var provider = new StaticKeyProvider();
        provider.AddKey(KidA, KeyA);

        var found = await provider.GetKeyAsync(new KeyRequest(1, Cenc, KidA), default);
        var missing = await provider.GetKeyAsync(new KeyRequest(1, Cenc, KidB), default);

        Assert.That(found, Is.SameAs(KeyA));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public void TrackZeroIsRefused()
    {
        var provider = new StaticKeyProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => provider.AddTrackKey(0, TrackKey));
    }
}
