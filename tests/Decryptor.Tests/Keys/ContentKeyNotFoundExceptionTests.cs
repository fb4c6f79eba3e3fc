using Decryptor.Keys;
using NUnit.Framework;
using static Decryptor.Tests.Keys.TestKeys;

namespace Decryptor.Tests.Keys;

[TestFixture]
public sealed class ContentKeyNotFoundExceptionTests
{
    [Test]
    public void KidMessageNamesKidTrackSchemeAndTheKeyOption()
    {
        var provider = new StaticKeyProvider();
        provider.AddKey(KidB, KeyB);

        var error = Assert.Throws<ContentKeyNotFoundException>(
            () => new KeyResolver(provider).GetKey(ForKid(KidA, trackId: 1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain($"KID {KidA}"));
            Assert.That(error.Message, Does.Contain("track 1").And.Contain("scheme cenc"));
            Assert.That(error.Message, Does.Contain("--key KID:KEY"));
            Assert.That(error.KeyId, Is.EqualTo(KidA));
            Assert.That(error.TrackId, Is.EqualTo(1u));
            Assert.That(error.Scheme, Is.EqualTo(Cenc));
        }

        KeyAssert.Conceals(error.ToString(), Hex(KeyB));
    }

    [Test]
    public void TrackMessageNamesTrackAndTheTrackKeyOption()
    {
        var request = new KeyRequest(2, Isma, null);

        var error = new ContentKeyNotFoundException(request);

        Assert.That(error.Message, Does.StartWith("No key for track 2 (scheme iAEC)"));
        Assert.That(error.Message, Does.Contain("--track-key 2:KEY[:SALT]"));
        Assert.That(error.KeyId, Is.Null);
    }

    [Test]
    public void KeyIndicatorAndContentIdAreNamed()
    {
        var request = new KeyRequest(3, Oma, null) { KeyIndicator = 4, ContentId = "cid:x" };

        var error = new ContentKeyNotFoundException(request);

        Assert.That(error.Message, Does.Contain("key indicator 4").And.Contain("content ID cid:x"));
        Assert.That(error.Message, Does.Contain("--track-key 3/4:KEY"));
        Assert.That(error.KeyIndicator, Is.EqualTo(4u));
    }
}
