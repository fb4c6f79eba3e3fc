using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using Moq;
using NUnit.Framework;

namespace Decryptor.Tests.Corpus;

/// <summary>
/// Key rotation through `seig` groups asks the provider once for each KID it meets.
/// </summary>
[TestFixture]
public sealed class KeyRotationTests
{
    private static IEnumerable<CorpusEntry> Rotating =>
        CorpusCases.CommonEncryption.Where(e => e.KeyRotation);

    [TestCaseSource(nameof(Rotating))]
    public void Provider_is_asked_once_per_rotated_kid_with_track_and_pssh_context(
        CorpusEntry entry)
    {
        var keys = CorpusCases.ManifestKeys(entry);
        var provider = new Mock<IKeyProvider>();
        var asked = new List<KeyRequest>();
        ContentKey? found;
        provider.Setup(p => p.TryGetKey(It.IsAny<KeyRequest>(), out found))
            .Returns((KeyRequest request, out ContentKey? key) =>
            {
                asked.Add(request);
                return keys.TryGetKey(request, out key);
            });
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = ClearSamples.Hash(index, new KeyResolver(provider.Object));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
        var manifestKids = entry.Tracks.SelectMany(t => t.AllKeys.Select(k => (t.TrackId,
            k.KeyId))).ToHashSet();
        Assert.That(asked.Select(r => (r.TrackId, r.KeyId!.Value)),
            Is.EquivalentTo(manifestKids), "one request per KID, with its track");
        Assert.That(asked.Select(r => r.Scheme.ToString()), Has.All.EqualTo("cenc"));
    }
}
