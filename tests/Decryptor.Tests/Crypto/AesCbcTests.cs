using Decryptor.Crypto;
using NUnit.Framework;

namespace Decryptor.Tests.Crypto;

[TestFixture]
public class AesCbcTests
{
    // NIST SP 800-38A F.2.2 CBC-AES128.Decrypt.
    private static readonly byte[] Sp800Key = Convert.FromHexString(
        "2b7e151628aed2a6abf7158809cf4f3c");

    private static readonly byte[] Sp800Iv = Convert.FromHexString(
        "000102030405060708090a0b0c0d0e0f");

    private static readonly byte[] Sp800Cipher = Convert.FromHexString(
        "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2" +
        "73bed6b8e3c1743b7116e69e22229516" + "3ff1caa1681fac09120eca307586e1a7");

    private static readonly byte[] Sp800Plain = Convert.FromHexString(
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710");

    [TestCase(false)]
    [TestCase(true)]
    public void Decrypt_MatchesSp800_38A_F22(bool software)
    {
        using var key = new AesContext(Sp800Key, software);
        var data = (byte[])Sp800Cipher.Clone();
        var next = new byte[16];

        AesCbc.Decrypt(key, Sp800Iv, data, next);

        Assert.That(data, Is.EqualTo(Sp800Plain));
        Assert.That(next, Is.EqualTo(Sp800Cipher[^16..]));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Decrypt_MatchesReferenceOnRandomLengthsAndOffsets(bool software)
    {
        var random = new Random(4321);
        for (var round = 0; round < 200; round++)
        {
            var keyBytes = ReferenceAes.RandomBytes(random, 16);
            var iv = ReferenceAes.RandomBytes(random, 16);
            var length = random.Next(0, 5001) & ~15;
            var offset = random.Next(0, 16) | 1;
            var buffer = ReferenceAes.RandomBytes(random, length + offset + 3);
            var cipher = buffer.AsSpan(offset, length).ToArray();
            var next = new byte[16];
            using var key = new AesContext(keyBytes, software);

            AesCbc.Decrypt(key, iv, buffer.AsSpan(offset, length), next);

            var expected = ReferenceAes.CbcDecrypt(keyBytes, iv, cipher);
            Assert.That(buffer.AsSpan(offset, length).ToArray(), Is.EqualTo(expected));
            Assert.That(next, Is.EqualTo(length == 0 ? iv : cipher[^16..]));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Decrypt_ChainsAcrossCalls(bool software)
    {
        var random = new Random(7);
        var keyBytes = ReferenceAes.RandomBytes(random, 16);
        var iv = ReferenceAes.RandomBytes(random, 16);
        var plain = ReferenceAes.RandomBytes(random, 16 * 40);
        var data = ReferenceAes.CbcEncrypt(keyBytes, iv, plain);
        using var key = new AesContext(keyBytes, software);
        var chain = new byte[16];

        AesCbc.Decrypt(key, iv, data.AsSpan(0, 16 * 9), chain);
        AesCbc.Decrypt(key, chain.ToArray(), data.AsSpan(16 * 9), chain);

        Assert.That(data, Is.EqualTo(plain));
    }

    [Test]
    public void Decrypt_RejectsBadArguments()
    {
        using var key = new AesContext(new byte[16]);

        Assert.Throws<ArgumentException>(() => AesCbc.Decrypt(key, new byte[8], new byte[16]));
        Assert.Throws<ArgumentException>(() => AesCbc.Decrypt(key, new byte[16], new byte[17]));
        Assert.Throws<ArgumentException>(
            () => AesCbc.Decrypt(key, new byte[16], new byte[16], new byte[8]));
    }
}
