using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.Cli;
using Decryptor.Tests.TestSupport;
using Moq;
using NUnit.Framework;

namespace Decryptor.Tests.Corpus;

/// <summary>
/// `pssh` boxes reach `info`, the key provider's request, and vanish from clear output.
/// </summary>
[TestFixture]
public sealed class ProtectionSystemHeaderTests
{
    private string _path = "";
    private CorpusEntry _entry = null!;

    [SetUp]
    public void Inject()
    {
        _entry = CorpusManifest.Default.Entry("encrypted/bento4-cenc-frag.mp4");
        var kids = _entry.Tracks.Select(t => KeyId.Parse(t.Kid!)).ToList();
        _path = PsshInjector.WriteWithPssh(_entry.FullPath,
            PsshInjector.Pssh(SystemId.ClearKey, kids, [1, 2, 3]));
    }

    [TearDown]
    public void Remove() => File.Delete(_path);

    [Test]
    public void Info_names_the_system_and_its_kids()
    {
        var (code, stdout, _) = CliRunner.Run("info", _path);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("pssh: 1077efec-c0b2-4d02-ace3-3c1e52e2fb4b"));
        Assert.That(stdout, Does.Contain("ClearKey"));
        Assert.That(stdout, Does.Contain(_entry.Tracks[0].Kid));
    }

    [Test]
    public void The_provider_sees_the_pssh_and_the_clear_file_has_none()
    {
        var keys = CorpusCases.ManifestKeys(_entry);
        var provider = new Mock<IKeyProvider>();
        ContentKey? found;
        provider.Setup(p => p.TryGetKey(It.IsAny<KeyRequest>(), out found))
            .Returns((KeyRequest request, out ContentKey? key) => keys.TryGetKey(request, out key));
        var output = Path.Combine(Path.GetTempPath(), $"pssh-out-{Guid.NewGuid():N}.mp4");
        try
        {
            using (var index = MovieIndex.Open(_path))
            {
                ClearFileWriter.Write(index, new KeyResolver(provider.Object), output);
            }

            provider.Verify(p => p.TryGetKey(It.Is<KeyRequest>(r =>
                r.ProtectionSystemHeaders.Count == 1
                && r.ProtectionSystemHeaders[0].SystemId == SystemId.ClearKey
                && r.ProtectionSystemHeaders[0].KeyIds.Contains(r.KeyId!.Value)), out found),
                Times.Exactly(_entry.Tracks.Count));
            using var clear = MovieIndex.Open(output);
            Assert.That(clear.ProtectionSystemHeaders, Is.Empty);
            ClearSamples.AssertEqual(CorpusCases.Expected(_entry), FfmpegTool.FrameMd5Of(output),
                "with pssh");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
