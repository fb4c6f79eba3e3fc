using Decryptor.Crypto;
using NUnit.Framework;

namespace Decryptor.Tests.Crypto;

[TestFixture]
public class AesContextTests
{
    // FIPS-197 Appendix C.1 (AES-128) and Appendix B.
    [TestCase(
        "000102030405060708090a0b0c0d0e0f",
        "00112233445566778899aabbccddeeff",
        "69c4e0d86a7b0430d8cdb78070b4c55a")]
    [TestCase(
        "2b7e151628aed2a6abf7158809cf4f3c",
        "3243f6a8885a308d313198a2e0370734",
        "3925841d02dc09fbdc118597196a0b32")]
    public void EncryptBlock_MatchesFips197(string keyHex, string plainHex, string cipherHex)
    {
        foreach (var software in new[] { false, true })
        {
            using var context = new AesContext(Convert.FromHexString(keyHex), software);
            var output = new byte[16];

            context.EncryptBlock(Convert.FromHexString(plainHex), output);

            Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(cipherHex), $"sw={software}");
        }
    }

    [Test]
    public void DecryptRoundKeys_InvertFips197()
    {
        var key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var block = Convert.FromHexString("69c4e0d86a7b0430d8cdb78070b4c55a");
        using var context = new AesContext(key);

        // One-block CBC with a zero IV is the bare inverse cipher.
        AesCbc.Decrypt(context, new byte[16], block);

        Assert.That(
            Convert.ToHexStringLower(block), Is.EqualTo("00112233445566778899aabbccddeeff"));
    }

    [TestCase(0)]
    [TestCase(15)]
    [TestCase(17)]
    [TestCase(32)]
    public void Constructor_RejectsKeyOfWrongLength(int length)
    {
        Assert.Throws<ArgumentException>(() => _ = new AesContext(new byte[length]));
    }

    [Test]
    public void ToStringAndErrors_NeverShowKey()
    {
        var key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        foreach (var software in new[] { false, true })
        {
            using var context = new AesContext(key, software);
            var text = context.ToString();

            Assert.That(text, Does.Not.Contain("2b7e").IgnoreCase);
            Assert.That(text, Does.Not.Contain("2B-7E"));
        }

        var error = Assert.Throws<ArgumentException>(() => _ = new AesContext(key.AsSpan(0, 15)));
        Assert.That(error!.Message, Does.Not.Contain("2b7e").IgnoreCase);
    }

    [Test]
    public void ForcedSoftware_DoesNotUseHardware()
    {
        using var software = new AesContext(new byte[16], forceSoftware: true);
        using var hardware = new AesContext(new byte[16]);

        Assert.That(software.UsesHardware, Is.False);
        Assert.That(hardware.UsesHardware, Is.EqualTo(AesContext.IsHardwareAccelerated));
    }

    [Test]
    public void Dispose_ZeroesRoundKeysAndBlocksUse()
    {
        var context = new AesContext(Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c"));
        var hardware = context.UsesHardware;

        context.Dispose();

        Assert.That(context.IsCleared, Is.True, $"hardware={hardware}");

        Assert.Throws<ObjectDisposedException>(
            () => AesCtr.Transform(context, new byte[16], 0, new byte[32]));
        Assert.DoesNotThrow(context.Dispose);
    }
}
