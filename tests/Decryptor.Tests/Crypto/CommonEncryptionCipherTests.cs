using Decryptor.Crypto;
using NUnit.Framework;

namespace Decryptor.Tests.Crypto;

[TestFixture]
public class CommonEncryptionCipherTests
{
    private static readonly EncryptionPattern NoPattern = new(0, 0);
    private static readonly EncryptionPattern OneNine = new(1, 9);

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var software in new[] { false, true })
        {
            // cenc: keystream runs on across odd-sized protected ranges.
            yield return Case("cenc full sample", software, CencCipher.Cenc, 8, NoPattern, 1000);
            yield return Case(
                "cenc subsamples", software, CencCipher.Cenc, 8, NoPattern, 0,
                S(5, 37), S(0, 100), S(17, 3), S(200, 0), S(1, 517));
            yield return Case(
                "cenc 16-byte IV, pattern ignored", software, CencCipher.Cenc, 16, OneNine, 0,
                S(3, 300), S(9, 33));

            // cens: counter continues across ranges, pattern restarts in each.
            yield return Case(
                "cens 1:9 subsamples", software, CencCipher.Cens, 8, OneNine, 0,
                S(10, 16 * 25), S(7, 16 * 3), S(0, 16 * 12), S(33, 16 * 11));
            yield return Case("cens 1:9 full", software, CencCipher.Cens, 16, OneNine, 16 * 100);
            yield return Case(
                "cens 0:0", software, CencCipher.Cens, 8, NoPattern, 0, S(4, 45), S(2, 70));

            // cbc1: one chain over all ranges of a sample; partial tails stay clear.
            yield return Case(
                "cbc1 subsamples + partial tails", software, CencCipher.Cbc1, 16, NoPattern, 0,
                S(12, 16 * 5 + 7), S(3, 16 * 9), S(0, 8), S(1, 16 * 20 + 15));
            yield return Case("cbc1 full + tail", software, CencCipher.Cbc1, 16, NoPattern, 1013);
            yield return Case("cbc1 8-byte IV", software, CencCipher.Cbc1, 8, NoPattern, 160);

            // cbcs: IV per range, chain through skipped blocks, short final crypt run.
            yield return Case(
                "cbcs 1:9 subsamples", software, CencCipher.Cbcs, 16, OneNine, 0,
                S(20, 16 * 31 + 9), S(5, 16 * 10), S(0, 5), S(8, 16 * 47));
            yield return Case(
                "cbcs 2:8 truncated run", software, CencCipher.Cbcs, 16, new(2, 8), 0,
                S(7, 16 * 21), S(1, 16 * 31 + 4), S(2, 16 * 11));
            yield return Case("cbcs 1:9 full + tail", software, CencCipher.Cbcs, 16, OneNine, 999);
            yield return Case(
                "cbcs 0:0", software, CencCipher.Cbcs, 16, NoPattern, 0,
                S(3, 16 * 9 + 2), S(4, 48));
            yield return Case(
                "cbcs 5:0", software, CencCipher.Cbcs, 16, new(5, 0), 0, S(3, 16 * 13));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void DecryptSample_RestoresReferenceEncryption(
        bool software,
        CencCipher cipher,
        int ivSize,
        EncryptionPattern pattern,
        int fullLength,
        SubsampleEntry[] subsamples)
    {
        var random = new Random(ivSize * 1000 + subsamples.Length + fullLength);
        var keyBytes = ReferenceAes.RandomBytes(random, 16);
        var iv = ReferenceAes.RandomBytes(random, ivSize);
        var length = subsamples.Length == 0
            ? fullLength
            : subsamples.Sum(s => s.BytesOfClearData + (int)s.BytesOfProtectedData);
        var plain = ReferenceAes.RandomBytes(random, length);
        var sample = ReferenceCenc.Encrypt(keyBytes, cipher, iv, subsamples, pattern, plain);
        using var key = new AesContext(keyBytes, software);

        CommonEncryptionCipher.DecryptSample(key, cipher, iv, subsamples, pattern, sample);

        Assert.That(sample, Is.EqualTo(plain));
    }

    [Test]
    public void Cenc_SubsamplesShareOneKeystream()
    {
        var keyBytes = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        var iv = Convert.FromHexString("0102030405060708");
        var counter = Convert.FromHexString("01020304050607080000000000000000");
        var sample = new byte[60];
        SubsampleEntry[] subsamples = [S(10, 7), S(10, 33)];
        using var key = new AesContext(keyBytes);

        CommonEncryptionCipher.DecryptSample(
            key, CencCipher.Cenc, iv, subsamples, NoPattern, sample);

        // A zero sample decrypts to the keystream itself: bytes 0..6 then 7..39 of it.
        var keystream = ReferenceAes.Keystream(keyBytes, counter, 40, 8);
        Assert.That(sample[10..17], Is.EqualTo(keystream[..7]));
        Assert.That(sample[27..60], Is.EqualTo(keystream[7..40]));
        Assert.That(sample[..10].Concat(sample[17..27]), Is.All.Zero);
    }

    [Test]
    public void Cbcs_TrailingPartialBlockStaysClear()
    {
        var random = new Random(99);
        var keyBytes = ReferenceAes.RandomBytes(random, 16);
        var sample = ReferenceAes.RandomBytes(random, 16 * 3 + 11);
        var tail = sample[48..];
        using var key = new AesContext(keyBytes);

        CommonEncryptionCipher.DecryptSample(
            key, CencCipher.Cbcs, new byte[16], [S(0, (uint)sample.Length)], OneNine, sample);

        Assert.That(sample[48..], Is.EqualTo(tail));
    }

    [TestCase(CencCipher.Cenc)]
    [TestCase(CencCipher.Cbcs)]
    public void SubsampleSumMismatch_Throws(CencCipher cipher)
    {
        using var key = new AesContext(new byte[16]);
        var sample = new byte[100];

        Assert.Throws<ArgumentException>(() => CommonEncryptionCipher.DecryptSample(
            key, cipher, new byte[16], [S(10, 80)], OneNine, sample));
        Assert.Throws<ArgumentException>(() => CommonEncryptionCipher.DecryptSample(
            key, cipher, new byte[16], [S(10, 80), S(5, 6)], OneNine, sample));
    }

    [TestCase(0)]
    [TestCase(17)]
    public void BadIvLength_Throws(int ivLength)
    {
        using var key = new AesContext(new byte[16]);

        Assert.Throws<ArgumentException>(() => CommonEncryptionCipher.DecryptSample(
            key, CencCipher.Cenc, new byte[ivLength], [], NoPattern, new byte[32]));
    }

    private static SubsampleEntry S(ushort clear, uint protectedBytes) =>
        new(clear, protectedBytes);

    private static TestCaseData Case(
        string name,
        bool software,
        CencCipher cipher,
        int ivSize,
        EncryptionPattern pattern,
        int fullLength,
        params SubsampleEntry[] subsamples) =>
        new TestCaseData(software, cipher, ivSize, pattern, fullLength, subsamples)
            .SetName($"{name} ({(software ? "software" : "AES-NI")})");
}
