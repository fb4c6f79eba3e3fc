using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Keys;

/// <summary>The corpus key files give the keys the manifest lists.</summary>
[TestFixture]
public sealed class GpacDrmKeyFileCorpusTests
{
    public static IEnumerable<TestCaseData> DrmFiles() =>
        Directory.GetFiles(CorpusPaths.DrmDirectory, "*.drm.xml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    public static IEnumerable<TestCaseData> EntriesWithDrmXml() =>
        CorpusManifest.Default.Entries
            .Where(entry => entry.DrmXml is not null)
            .Select(entry => new TestCaseData(entry).SetArgDisplayNames(entry.File));

    [Test]
    public void CorpusHasKeyFilesAndEntriesUsingThem()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DrmFiles(), Is.Not.Empty);
            Assert.That(EntriesWithDrmXml(), Is.Not.Empty);
        }
    }

    [TestCaseSource(nameof(DrmFiles))]
    public void EveryKeyFileParses(string path)
    {
        var file = GpacDrmKeyFile.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Type, Is.Not.Empty);
            Assert.That(file.Scheme, Is.Not.Null, $"type '{file.Type}' not mapped");
            Assert.That(file.Tracks, Is.Not.Empty);
            Assert.That(file.Tracks.Select(t => t.TrackId), Is.Unique);
            Assert.That(
                file.Tracks,
                Has.All.Matches<GpacDrmTrack>(t => t.Keys.Count > 0 || t.TrackKey != null));
        }
    }

    [TestCaseSource(nameof(EntriesWithDrmXml))]
    public void KeyFileGivesTheManifestKeys(CorpusEntry entry)
    {
        var file = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));
        var resolver = new KeyResolver(file.ToKeyProvider());

        foreach (var track in entry.Tracks)
        {
            if (track.Kid is null)
            {
                var request = new KeyRequest(track.TrackId, entry.SchemeType, null);
                KeyAssert.HasBytes(resolver.GetKey(request), track.Key, track.Salt);
                continue;
            }

            foreach (var pair in track.AllKeys)
            {
                var request = new KeyRequest(track.TrackId, entry.SchemeType, pair.KeyId);
                KeyAssert.HasBytes(resolver.GetKey(request), pair.Key);
            }
        }
    }

    [TestCaseSource(nameof(EntriesWithDrmXml))]
    public void KeyFileHoldsNoKeyTheManifestLacks(CorpusEntry entry)
    {
        var file = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));

        foreach (var track in file.Tracks)
        {
            var expected = entry.Tracks.Single(t => t.TrackId == track.TrackId);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(
                    track.Keys.Select(k => k.KeyId),
                    Is.EqualTo(expected.AllKeys.Select(k => k.KeyId)),
                    $"KIDs of track {track.TrackId}");
                Assert.That(track.TrackKey is not null, Is.EqualTo(expected.Kid is null));
            }
        }
    }

    [Test]
    public void KeyRotationFileListsEveryKeyInOrder()
    {
        var entry = CorpusManifest.Default.Entries.Single(e => e.KeyRotation);
        var file = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));

        var video = file.Tracks.Single(t => t.TrackId == 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(video.Keys, Has.Count.EqualTo(3));
            Assert.That(video.KeyRoll, Is.EqualTo("roll=10"));
            Assert.That(video.IVSize, Is.EqualTo(8));
            Assert.That(video.FirstIV.Length, Is.EqualTo(8));
        }
    }

    [Test]
    public void IsmaFileGivesTrackKeysWithSaltAndDiagnostics()
    {
        var file = GpacDrmKeyFile.Load(Path.Combine(CorpusPaths.DrmDirectory, "gpac-isma.drm.xml"));

        var track = file.Tracks[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Scheme?.ToString(), Is.EqualTo("iAEC"));
            Assert.That(track.TrackKey?.HasSalt, Is.True);
            Assert.That(track.KmsUri, Is.EqualTo("http://kms.example/isma"));
            Assert.That(track.OtherAttributes, Does.ContainKey("ipmpType"));
            Assert.That(track.OtherAttributes.Keys, Has.None.EqualTo("key").IgnoreCase);
        }
    }

    [Test]
    public void CbcsFileKeepsPatternAndConstantIV()
    {
        var file = GpacDrmKeyFile.Load(Path.Combine(CorpusPaths.DrmDirectory, "gpac-cbcs.drm.xml"));

        var video = file.Tracks[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(video.CryptByteBlock, Is.EqualTo(1));
            Assert.That(video.SkipByteBlock, Is.EqualTo(9));
            Assert.That(video.ConstantIVSize, Is.EqualTo(16));
            Assert.That(video.ConstantIV.Length, Is.EqualTo(16));
            Assert.That(video.IsEncrypted, Is.True);
        }
    }
}
