using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Cli;

/// <summary>`info` on ISMACryp and OMA PDCF files: header layout, salt, KMS, rights.</summary>
[TestFixture]
public sealed class HeaderSchemeInfoTests
{
    [Test]
    public void Oma_info_shows_method_padding_content_id_and_rights_issuer()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/bento4-oma-pdcf-cbc.mp4");

        var (code, stdout, _) = CliRunner.Run("info", entry.FullPath);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("scheme odkm"));
        Assert.That(stdout, Does.Contain("AES-128-CBC, RFC 2630 padding"));
        Assert.That(stdout, Does.Contain("content ID cid:track1@corpus.example"));
        Assert.That(stdout, Does.Contain("rights issuer URL http://ri.example/rights"));
        Assert.That(stdout, Does.Contain("selective encryption yes, IV length 16"));
    }

    [Test]
    public void Isma_info_shows_header_layout_salt_source_and_kms()
    {
        var gpac = CorpusManifest.Default.Entry("encrypted/gpac-isma-sel-rap.mp4");
        var bento = CorpusManifest.Default.Entry("encrypted/bento4-isma-iaec.mp4");

        var (_, gpacInfo, _) = CliRunner.Run("info", gpac.FullPath);
        var (_, bentoInfo, _) = CliRunner.Run("info", bento.FullPath);

        Assert.That(gpacInfo, Does.Contain("codec avc1"), "264b plays as avc1");
        Assert.That(gpacInfo, Does.Contain("selective encryption yes, IV length 4"));
        Assert.That(gpacInfo, Does.Contain("not in the file (no iSLT)"));
        Assert.That(gpacInfo, Does.Contain("key management URI: http://kms.example/isma"));
        Assert.That(bentoInfo, Does.Contain("salt: in the file (iSLT)"));
        Assert.That(bentoInfo, Does.Contain("selective encryption no, IV length 8"));
        foreach (var track in gpac.Tracks.Concat(bento.Tracks))
        {
            Assert.That(gpacInfo + bentoInfo, Does.Not.Contain(track.Key));
            Assert.That(gpacInfo + bentoInfo, Does.Not.Contain(track.Salt!));
        }
    }
}
