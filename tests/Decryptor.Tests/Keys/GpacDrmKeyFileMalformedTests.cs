using System.Text;
using Decryptor.Keys;
using NUnit.Framework;

namespace Decryptor.Tests.Keys;

/// <summary>
/// Malformed key files fail with a typed error that locates the fault, quoting no key.
/// </summary>
[TestFixture]
public sealed class GpacDrmKeyFileMalformedTests
{
    private const string Kid = "0x00112233445566778899aabbccddeeff";
    private const string Secret = "5e8fe5cab0e40d879af39931bee30f24";

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(
            Path.GetTempPath(), "decryptor-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void BrokenXmlNamesTheFileAndLine()
    {
        var path = Write("broken.drm.xml", $"""
            <GPACDRM type="CENC AES-CTR">
             <CrypTrack trackID="1">
              <key KID="{Kid}" value=0x{Secret}/>
             </CrypTrack>
            </GPACDRM>
            """);

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        Assert.That(error.Message, Does.Contain("broken.drm.xml").And.Contain("line 3"));
        KeyAssert.Conceals(error.Message, Secret);
        Assert.That(error.LineNumber, Is.EqualTo(3));
    }

    [Test]
    public void TruncatedXmlIsAKeyFileFormatException()
    {
        var path = Write("cut.drm.xml", "<GPACDRM type=\"ISMA\"><CrypTrack trackID=\"1\">");

        Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));
    }

    [Test]
    public void EmptyFileIsAKeyFileFormatException()
    {
        var path = Write("empty.drm.xml", "");

        Assert.That(() => GpacDrmKeyFile.Load(path), Throws.InstanceOf<FormatException>());
    }

    [TestCase("0x5e8fe5cab0e40d879af39931bee30f2", Description = "31 digits")]
    [TestCase("0x5e8fe5cab0e40d879af39931bee30f24aa", Description = "34 digits")]
    [TestCase("0x5e8fe5cab0e40d879af39931bee30fzz", Description = "not hex")]
    public void BadKeyHexNamesTrackAndAttributeButNotTheValue(string value)
    {
        var path = Write("badkey.drm.xml", $"""
            <GPACDRM type="CENC AES-CTR">
             <CrypTrack trackID="7" IsEncrypted="1">
              <key KID="{Kid}" value="{value}"/>
             </CrypTrack>
            </GPACDRM>
            """);

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("badkey.drm.xml"));
            Assert.That(error.Message, Does.Contain("CrypTrack trackID=7"));
            Assert.That(error.Attribute, Is.EqualTo("value"));
            Assert.That(error.Element, Does.Contain("CrypTrack trackID=7"));
        }

        KeyAssert.Conceals(error.Message, value, value[..24]);
        KeyAssert.Conceals(error.ToString(), value, value[..24]);
    }

    [Test]
    public void BadTrackKeyAndSaltNameTheirAttribute()
    {
        var badKey = Write("isma-key.drm.xml", $"""
            <GPACDRM type="ISMA"><CrypTrack trackID="2" key="0x{Secret[..30]}"
             salt="0x0011223344556677"/></GPACDRM>
            """);
        var badSalt = Write("isma-salt.drm.xml", $"""
            <GPACDRM type="ISMA"><CrypTrack trackID="2" key="0x{Secret}"
             salt="0x{Secret[..14]}"/></GPACDRM>
            """);

        var keyError = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(badKey));
        var saltError = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(badSalt));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keyError.Attribute, Is.EqualTo("key"));
            Assert.That(saltError.Attribute, Is.EqualTo("salt"));
            Assert.That(saltError.Message, Does.Contain("CrypTrack trackID=2"));
        }

        KeyAssert.Conceals(keyError.Message, Secret[..30]);
        KeyAssert.Conceals(saltError.Message, Secret, Secret[..14]);
    }

    [Test]
    public void MissingTrackIdNamesTheElementByPosition()
    {
        var path = Write("notrack.drm.xml", $"""
            <GPACDRM type="CENC AES-CTR">
             <CrypTrack trackID="1"><key KID="{Kid}" value="0x{Secret}"/></CrypTrack>
             <CrypTrack IsEncrypted="1"><key KID="{Kid}" value="0x{Secret}"/></CrypTrack>
            </GPACDRM>
            """);

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("CrypTrack #2").And.Contain("trackID"));
            Assert.That(error.Attribute, Is.EqualTo("trackID"));
            Assert.That(error.LineNumber, Is.EqualTo(3));
        }
    }

    [TestCase("x")]
    [TestCase("-1")]
    [TestCase("0")]
    public void InvalidTrackIdIsRejected(string trackId)
    {
        var path = Write("track.drm.xml", $"<GPACDRM><CrypTrack trackID=\"{trackId}\"/></GPACDRM>");

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        Assert.That(error.Attribute, Is.EqualTo("trackID"));
    }

    [Test]
    public void KeyWithoutKidIsRejected()
    {
        var path = Write("nokid.drm.xml",
            $"<GPACDRM><CrypTrack trackID=\"1\"><key value=\"{Secret}\"/></CrypTrack></GPACDRM>");

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        Assert.That(
            error.Message, Does.Contain("key #1 of CrypTrack trackID=1").And.Contain("KID"));
        KeyAssert.Conceals(error.Message, Secret);
    }

    [Test]
    public void DtdIsRefused()
    {
        var path = Write("dtd.drm.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE GPACDRM [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <GPACDRM type="ISMA"><CrypTrack trackID="1" kms_URI="&x;"/></GPACDRM>
            """);

        Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));
    }

    [Test]
    public void WrongRootIsRejected()
    {
        var path = Write("root.drm.xml", "<DRM><CrypTrack trackID=\"1\"/></DRM>");

        var error = Assert.Throws<KeyFileFormatException>(() => GpacDrmKeyFile.Load(path));

        Assert.That(error.Message, Does.Contain("GPACDRM"));
    }

    [Test]
    public void NamesMatchInAnyCaseAndHexWithoutPrefix()
    {
        using var xml = new MemoryStream(Encoding.UTF8.GetBytes($"""
            <gpacdrm TYPE="cenc AES-CTR"><CRYPTRACK TrackId="3" iv_SIZE="16">
              <KEY kid="{Kid[2..]}" VALUE="0X{Secret.ToUpperInvariant()}"/>
            </CRYPTRACK></gpacdrm>
            """));

        var file = GpacDrmKeyFile.Parse(xml, "inline");

        var track = file.Tracks.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Scheme?.ToString(), Is.EqualTo("cenc"));
            Assert.That(track.TrackId, Is.EqualTo(3u));
            Assert.That(track.IVSize, Is.EqualTo(16));
            Assert.That(track.Keys.Single().KeyId, Is.EqualTo(KeyId.Parse(Kid)));
        }

        KeyAssert.HasBytes(track.Keys.Single().Key, Secret);
    }

    [Test]
    public void ParseNamesTheGivenSource()
    {
        using var xml = new MemoryStream(Encoding.UTF8.GetBytes("<GPACDRM><CrypTrack/></GPACDRM>"));

        var error = Assert.Throws<KeyFileFormatException>(
            () => GpacDrmKeyFile.Parse(xml, "from-network"));

        Assert.That(error.SourceName, Is.EqualTo("from-network"));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
