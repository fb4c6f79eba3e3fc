using Decryptor.IsoBmff;
using Decryptor.Keys;
using NUnit.Framework;

namespace Decryptor.Tests.Keys;

/// <summary>The --key and --track-key syntax shared by the front ends.</summary>
[TestFixture]
public sealed class StaticKeyProviderOptionTests
{
    private const string Kid = "730c314342ce66e3db74358bdba59060";
    private const string Key = "5e8fe5cab0e40d879af39931bee30f24";
    private const string Salt = "3b788d693852f4b3";

    private static readonly FourCC Cenc = FourCC.Parse("cenc");
    private static readonly FourCC Isma = FourCC.Parse("iAEC");

    [TestCase(Kid + ":" + Key)]
    [TestCase("0x" + Kid + ":0x" + Key)]
    [TestCase("730c3143-42ce-66e3-db74-358bdba59060:" + Key)]
    [TestCase(" 730C314342CE66E3DB74358BDBA59060:5E8FE5CAB0E40D879AF39931BEE30F24 ")]
    public void KeyOptionAcceptsItsForms(string value)
    {
        var provider = new StaticKeyProvider();

        provider.AddKeyOption(value);

        Assert.That(provider.TryGetKey(new KeyRequest(1, Cenc, KeyId.Parse(Kid)), out var key));
        KeyAssert.HasBytes(key!, Key);
    }

    [Test]
    public void TrackKeyOptionWithoutSalt()
    {
        var provider = new StaticKeyProvider();

        provider.AddTrackKeyOption("2:" + Key);

        Assert.That(provider.TryGetKey(new KeyRequest(2, Isma, null), out var key));
        KeyAssert.HasBytes(key!, Key);
    }

    [Test]
    public void TrackKeyOptionWithSalt()
    {
        var provider = new StaticKeyProvider();

        provider.AddTrackKeyOption("1:" + Key + ":" + Salt);

        Assert.That(provider.TryGetKey(new KeyRequest(1, Isma, null), out var key));
        KeyAssert.HasBytes(key!, Key, Salt);
    }

    [Test]
    public void TrackKeyOptionWithKeyIndicator()
    {
        var provider = new StaticKeyProvider();
        provider.AddTrackKeyOption("1:" + Salt + Salt);
        provider.AddTrackKeyOption("1/3:" + Key + ":" + Salt);

        var request = new KeyRequest(1, Isma, null) { KeyIndicator = 3 };
        Assert.That(provider.TryGetKey(request, out var key));
        KeyAssert.HasBytes(key!, Key, Salt);
        Assert.That(provider.TryGetKey(request with { KeyIndicator = 0 }, out var other));
        KeyAssert.HasBytes(other!, Salt + Salt);
    }

    [TestCase("", Description = "empty")]
    [TestCase(Kid + Key, Description = "no colon")]
    [TestCase(Kid + ":" + Key + ":" + Salt, Description = "too many parts")]
    [TestCase(Kid + ":5e8fe5cab0e40d879af39931bee30f2", Description = "key 31 digits")]
    [TestCase(Kid + ":5e8fe5cab0e40d879af39931bee30f24ff", Description = "key 34 digits")]
    [TestCase(Kid + ":5e8fe5cab0e40d879af39931bee30fzz", Description = "key not hex")]
    [TestCase("730c314342ce66e3db74358bdba590:" + Key, Description = "KID 30 digits")]
    [TestCase(Key + ":" + Kid + "00", Description = "swapped and long")]
    [TestCase(":" + Key, Description = "KID missing")]
    [TestCase(Kid + ":", Description = "key missing")]
    public void InvalidKeyOptionsFailWithoutQuotingTheValue(string value)
    {
        var provider = new StaticKeyProvider();

        var error = Assert.Throws<FormatException>(() => provider.AddKeyOption(value));

        Assert.That(error.Message, Does.Contain("--key"));
        KeyAssert.Conceals(error.Message, [.. value.Split(':'), value]);
        Assert.That(provider.Count, Is.Zero);
    }

    [TestCase("1" + Key, Description = "no colon")]
    [TestCase("x:" + Key, Description = "track not a number")]
    [TestCase("-1:" + Key, Description = "negative track")]
    [TestCase("0:" + Key, Description = "track 0")]
    [TestCase("99999999999:" + Key, Description = "track overflows")]
    [TestCase(":" + Key, Description = "track missing")]
    [TestCase("1/x:" + Key, Description = "bad key indicator")]
    [TestCase("1/2/3:" + Key, Description = "two slashes")]
    [TestCase("1:5e8fe5cab0e40d879af39931bee30f", Description = "key 30 digits")]
    [TestCase("1:5e8fe5cab0e40d879af39931bee30fgg", Description = "key not hex")]
    [TestCase("1:" + Key + ":3b788d693852f4", Description = "salt 14 digits")]
    [TestCase("1:" + Key + ":3b788d693852f4b3aa", Description = "salt 18 digits")]
    [TestCase("1:" + Key + ":" + Salt + ":00", Description = "too many parts")]
    [TestCase(Key + ":1", Description = "swapped")]
    public void InvalidTrackKeyOptionsFailWithoutQuotingTheValue(string value)
    {
        var provider = new StaticKeyProvider();

        var error = Assert.Throws<FormatException>(() => provider.AddTrackKeyOption(value));

        Assert.That(error.Message, Does.Contain("--track-key"));
        KeyAssert.Conceals(error.Message, [.. value.Split(':', '/'), value]);
        Assert.That(provider.Count, Is.Zero);
    }

    [Test]
    public void MessagesSayWhatIsWrong()
    {
        var provider = new StaticKeyProvider();

        var shortKey = Assert.Throws<FormatException>(
            () => provider.AddKeyOption(Kid + ":" + Key[..30]));
        var zeroTrack = Assert.Throws<FormatException>(
            () => provider.AddTrackKeyOption("0:" + Key));
        var badSalt = Assert.Throws<FormatException>(
            () => provider.AddTrackKeyOption("1:" + Key + ":" + Salt[..10]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shortKey.Message, Does.Contain("key has 30 hex digits"));
            Assert.That(zeroTrack.Message, Does.Contain("track ID 0"));
            Assert.That(badSalt.Message, Does.Contain("salt has 10 hex digits"));
        }
    }
}
