using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;
using static Decryptor.Tests.Keys.TestKeys;

namespace Decryptor.Tests.Keys;

/// <summary>Key material never shows in ToString, which ends up in logs and debuggers.</summary>
[TestFixture]
public sealed class KeyToStringTests
{
    [Test]
    public void ContentKeyHidesKeyAndSalt()
    {
        var salted = ContentKey.Parse(Hex(KeyA), "3b788d693852f4b3");

        KeyAssert.Conceals(KeyA.ToString(), Hex(KeyA));
        KeyAssert.Conceals(salted.ToString(), Hex(KeyA), "3b788d693852f4b3");
    }

    [Test]
    public void KeyRequestNamesKidNotKeys()
    {
        var request = ForKid(KidA, trackId: 3) with { ContentId = "cid:a" };

        var text = request.ToString();

        Assert.That(text, Does.Contain(KidA.ToString()).And.Contain("track 3").And.Contain("cenc"));
    }

    [Test]
    public void KeyRequestEqualityIgnoresPsshBoxes()
    {
        var pssh = new ProtectionSystemHeader(SystemId.ClearKey, 1, [KidA], new byte[] { 1 }, 40);
        var with = new KeyRequest(1, Cenc, KidA, [pssh]);
        var without = new KeyRequest(1, Cenc, KidA);

        Assert.That(with, Is.EqualTo(without));
        Assert.That(with.GetHashCode(), Is.EqualTo(without.GetHashCode()));
        Assert.That(with, Is.Not.EqualTo(without with { KeyIndicator = 1 }));
    }

    [Test]
    public void GpacTracksAndKeysHideKeys()
    {
        var secrets = CorpusManifest.Default.Entries
            .Where(e => e.DrmXml is not null)
            .SelectMany(e => e.Tracks)
            .SelectMany(t => t.AllKeys.Select(k => k.Key).Append(t.Key).Append(t.Salt))
            .ToArray();
        var files = Directory.GetFiles(CorpusPaths.DrmDirectory, "*.drm.xml")
            .Select(GpacDrmKeyFile.Load);

        foreach (var track in files.SelectMany(f => f.Tracks))
        {
            var text = track + " " + string.Join(" ", track.Keys);

            Assert.That(text, Does.Contain($"trackID={track.TrackId}"));
            KeyAssert.Conceals(text, secrets);
        }
    }
}
