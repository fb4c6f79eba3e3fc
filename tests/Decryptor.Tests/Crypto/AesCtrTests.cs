using Decryptor.Crypto;
using NUnit.Framework;

namespace Decryptor.Tests.Crypto;

[TestFixture]
public class AesCtrTests
{
    private static readonly byte[] Sp800Key = Convert.FromHexString(
        "2b7e151628aed2a6abf7158809cf4f3c");

    private static readonly byte[] Sp800Plain = Convert.FromHexString(
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710");

    // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt.
    private static readonly byte[] Sp800Counter = Convert.FromHexString(
        "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");

    private static readonly byte[] Sp800Cipher = Convert.FromHexString(
        "874d6191b620e3261bef6864990db6ce" + "9806f66b7970fdff8617187bb9fffdff" +
        "5ae4df3edbd5d35e5b4f09020db03eab" + "1e031dda2fbe03d1792170a0f3009cee");

    [TestCase(false, CounterWidth.Bits64)]
    [TestCase(false, CounterWidth.Bits128)]
    [TestCase(true, CounterWidth.Bits64)]
    [TestCase(true, CounterWidth.Bits128)]
    public void Transform_MatchesSp800_38A_F51(bool software, CounterWidth width)
    {
        using var key = new AesContext(Sp800Key, software);
        var data = (byte[])Sp800Plain.Clone();

        AesCtr.Transform(key, Sp800Counter, 0, data, width);

        Assert.That(data, Is.EqualTo(Sp800Cipher));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Transform_MatchesReferenceOnRandomLengthsAndOffsets(bool software)
    {
        var random = new Random(1234);
        for (var round = 0; round < 200; round++)
        {
            var keyBytes = ReferenceAes.RandomBytes(random, 16);
            var counter = ReferenceAes.RandomBytes(random, 16);
            var length = random.Next(0, 5001);
            var offset = random.Next(0, 16) | 1;
            var skip = round % 3 == 0 ? random.Next(0, 16) : 0;
            var width = round % 2 == 0 ? CounterWidth.Bits64 : CounterWidth.Bits128;
            var buffer = ReferenceAes.RandomBytes(random, length + offset + 3);
            var plain = buffer.AsSpan(offset, length).ToArray();
            using var key = new AesContext(keyBytes, software);

            AesCtr.Transform(key, counter, skip, buffer.AsSpan(offset, length), width);

            var expected = ReferenceAes.Ctr(
                keyBytes, counter, skip, plain, width == CounterWidth.Bits64 ? 8 : 16);
            Assert.That(buffer.AsSpan(offset, length).ToArray(), Is.EqualTo(expected));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Bits64_WrapsWithoutCarryIntoHighHalf(bool software)
    {
        var keyBytes = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var start = Convert.FromHexString("0011223344556677fffffffffffffffe");
        string[] counters =
        [
            "0011223344556677fffffffffffffffe",
            "0011223344556677ffffffffffffffff",
            "00112233445566770000000000000000",
            "00112233445566770000000000000001",
        ];
        using var key = new AesContext(keyBytes, software);
        var data = new byte[64];

        AesCtr.Transform(key, start, 0, data, CounterWidth.Bits64);

        Assert.That(data, Is.EqualTo(KeystreamOf(keyBytes, counters)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Bits128_CarriesIntoHighHalf(bool software)
    {
        var keyBytes = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var start = Convert.FromHexString("0011223344556677fffffffffffffffe");
        string[] counters =
        [
            "0011223344556677fffffffffffffffe",
            "0011223344556677ffffffffffffffff",
            "00112233445566780000000000000000",
            "00112233445566780000000000000001",
        ];
        using var key = new AesContext(keyBytes, software);
        var data = new byte[64];

        AesCtr.Transform(key, start, 0, data, CounterWidth.Bits128);

        Assert.That(data, Is.EqualTo(KeystreamOf(keyBytes, counters)));
    }

    [TestCase(false, CounterWidth.Bits64)]
    [TestCase(false, CounterWidth.Bits128)]
    [TestCase(true, CounterWidth.Bits64)]
    [TestCase(true, CounterWidth.Bits128)]
    public void WrapInsideEightBlockBatch_MatchesReference(bool software, CounterWidth width)
    {
        var keyBytes = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var start = Convert.FromHexString("fffffffffffffffffffffffffffffffa");
        using var key = new AesContext(keyBytes, software);
        var data = new byte[20 * 16 + 5];

        AesCtr.Transform(key, start, 0, data, width);

        var expected = ReferenceAes.Keystream(
            keyBytes, start, data.Length, width == CounterWidth.Bits64 ? 8 : 16);
        Assert.That(data, Is.EqualTo(expected));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SkipBytes_StartsMidBlockInReferenceKeystream(bool software)
    {
        var keyBytes = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var counter = Convert.FromHexString("00000000000000000000000000000003");
        using var key = new AesContext(keyBytes, software);
        var full = ReferenceAes.Keystream(keyBytes, counter, 16 * 12, 8);

        for (var skip = 0; skip < 16; skip++)
        {
            foreach (var length in new[] { 1, 16 - skip, 17, 150 })
            {
                var data = new byte[length];

                AesCtr.Transform(key, counter, skip, data);

                Assert.That(data, Is.EqualTo(full.AsSpan(skip, length).ToArray()), $"{skip}");
            }
        }
    }

    [Test]
    public void Transform_RejectsBadArguments()
    {
        using var key = new AesContext(new byte[16]);

        Assert.Throws<ArgumentException>(() => AesCtr.Transform(key, new byte[8], 0, new byte[4]));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AesCtr.Transform(key, new byte[16], 16, new byte[4]));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AesCtr.Transform(key, new byte[16], -1, new byte[4]));
    }

    private static byte[] KeystreamOf(byte[] key, string[] counters) =>
        counters.SelectMany(c => ReferenceAes.EncryptBlock(key, Convert.FromHexString(c)))
            .ToArray();
}
