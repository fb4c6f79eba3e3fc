using Decryptor.Crypto;
using Decryptor.Decryption;
using Decryptor.IsoBmff;
using Decryptor.Protection;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// <see cref="OmaPdcfCipher"/> against an independent AES-CBC + PKCS#7 and AES-CTR reference:
/// RFC 2630 padding is stripped when right and rejected (never guessed) when wrong; CTR
/// carries through all 128 bits of the counter.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OmaPdcfCipherTests
{
    private const long PayloadOffset = 4096;

    private static readonly byte[] Key = Convert.FromHexString("7029b30a17d0556f726df7c28d495196");
    private static readonly byte[] Iv = Convert.FromHexString("69ccc9fee76b42baa4cb3a4e58ba6e47");

    private static readonly OmaCommonHeadersBox Cbc = Headers(
        OmaCommonHeadersBox.MethodAesCbc, OmaCommonHeadersBox.PaddingRfc2630);

    private static readonly OmaCommonHeadersBox Ctr = Headers(
        OmaCommonHeadersBox.MethodAesCtr, OmaCommonHeadersBox.PaddingNone);

    /// <summary>Last clear block of a payload whose RFC 2630 padding is wrong.</summary>
    private static IEnumerable<TestCaseData> WrongPadding()
    {
        yield return new TestCaseData(Block(15, 0x00)).SetName("Last_byte_0_is_no_padding");
        yield return new TestCaseData(Block(15, 17))
            .SetName("Last_byte_17_is_more_than_a_block");
        yield return new TestCaseData(Block(15, 0xFF)).SetName("Last_byte_255");

        // Says 3 bytes of 3, but the third-last is 2.
        var inconsistent = Block(15, 0x03);
        inconsistent[13] = 0x02;
        inconsistent[14] = 0x03;
        yield return new TestCaseData(inconsistent).SetName("Inconsistent_padding_bytes");

        // Says 16 bytes of 16, but the first one differs.
        var full = Block(16, 0x10);
        full[0] = 0x0F;
        yield return new TestCaseData(full).SetName("Inconsistent_full_block_of_padding");
    }

    [Test]
    public void Cbc_strips_right_padding_for_every_length_up_to_three_blocks()
    {
        var random = new Random(5);
        using var key = new AesContext(Key);
        for (var length = 0; length <= 48; length++)
        {
            var plain = HeaderSchemeReference.RandomBytes(random, length);
            var payload = HeaderSchemeReference.CbcPkcs7Encrypt(Key, Iv, plain);

            var clear = OmaPdcfCipher.Decrypt(key, Cbc, Iv, payload, PayloadOffset, "test");

            Assert.That(clear, Is.EqualTo(length), $"clear length of {length}");
            Assert.That(payload[..clear], Is.EqualTo(plain), $"clear bytes of {length}");
        }
    }

    [Test]
    public void Cbc_without_padding_scheme_keeps_every_byte()
    {
        var random = new Random(6);
        var plain = HeaderSchemeReference.RandomBytes(random, 48);
        var payload = HeaderSchemeReference.CbcRawEncrypt(Key, Iv, plain);
        using var key = new AesContext(Key);

        var clear = OmaPdcfCipher.Decrypt(key, Headers(OmaCommonHeadersBox.MethodAesCbc,
            OmaCommonHeadersBox.PaddingNone), Iv, payload, PayloadOffset, "test");

        Assert.That(clear, Is.EqualTo(48));
        Assert.That(payload, Is.EqualTo(plain));
    }

    [TestCaseSource(nameof(WrongPadding))]
    public void Cbc_wrong_padding_is_a_format_error_naming_padding(byte[] lastBlock)
    {
        var plain = BoxBuilder.Concat(new byte[32], lastBlock);
        var payload = HeaderSchemeReference.CbcRawEncrypt(Key, Iv, plain);
        using var key = new AesContext(Key);

        var error = Assert.Throws<Mp4FormatException>(() =>
            OmaPdcfCipher.Decrypt(key, Cbc, Iv, payload, PayloadOffset, "track 1 sample 3"))!;

        Assert.That(error.Field, Is.EqualTo("padding"));
        Assert.That(error.Box, Is.EqualTo("sample"));
        Assert.That(error.Offset, Is.EqualTo(PayloadOffset + payload.Length - 1),
            "points at the padding length byte");
        Assert.That(error.Message, Does.Contain("track 1 sample 3"));
    }

    [Test]
    public void Cbc_with_the_wrong_key_is_an_error_not_a_guess()
    {
        var plain = HeaderSchemeReference.RandomBytes(new Random(8), 100);
        var payload = HeaderSchemeReference.CbcPkcs7Encrypt(Key, Iv, plain);

        // With this key the last clear byte is not valid padding (checked by the reference).
        var wrongKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        using (var aes = System.Security.Cryptography.Aes.Create())
        {
            aes.Key = wrongKey;
            var garbage = aes.DecryptCbc(payload, Iv,
                System.Security.Cryptography.PaddingMode.None);
            Assume.That(garbage[^1], Is.Zero.Or.GreaterThan(16));
        }

        using var key = new AesContext(wrongKey);
        Assert.That(() => OmaPdcfCipher.Decrypt(key, Cbc, Iv, payload, PayloadOffset, "x"),
            Throws.TypeOf<Mp4FormatException>()
                .With.Property(nameof(Mp4FormatException.Field)).EqualTo("padding"));
    }

    [Test]
    public void Cbc_empty_ciphertext_has_no_padding_and_is_an_error()
    {
        using var key = new AesContext(Key);

        Assert.That(() => OmaPdcfCipher.Decrypt(key, Cbc, Iv, Span<byte>.Empty, PayloadOffset,
                "x"),
            Throws.TypeOf<Mp4FormatException>()
                .With.Property(nameof(Mp4FormatException.Field)).EqualTo("padding"));
    }

    [TestCase(1)]
    [TestCase(15)]
    [TestCase(17)]
    [TestCase(33)]
    public void Cbc_ciphertext_not_whole_blocks_is_a_format_error(int length)
    {
        using var key = new AesContext(Key);
        var payload = new byte[length];

        var error = Assert.Throws<Mp4FormatException>(() =>
            OmaPdcfCipher.Decrypt(key, Cbc, Iv, payload, PayloadOffset, "x"))!;

        Assert.That(error.Offset, Is.EqualTo(PayloadOffset));
        Assert.That(error.Field, Is.EqualTo("ciphertext"));
        Assert.That(payload, Is.All.Zero, "nothing was decrypted");
    }

    [TestCase("00000000000000000000000000000000", 100)]
    [TestCase("0000000000000001fffffffffffffffe", 64)]
    [TestCase("00000000000000ffffffffffffffffff", 40)]
    [TestCase("fffffffffffffffffffffffffffffffe", 64)]
    [TestCase("69ccc9fee76b42baa4cb3a4e58ba6e47", 77)]
    public void Ctr_counter_is_128_bits_and_carries_into_the_upper_half(string ivHex,
        int length)
    {
        var iv = Convert.FromHexString(ivHex);
        var plain = HeaderSchemeReference.RandomBytes(new Random(length), length);
        var payload = HeaderSchemeReference.Ctr128(Key, iv, plain);
        using var key = new AesContext(Key);

        var clear = OmaPdcfCipher.Decrypt(key, Ctr, iv, payload, PayloadOffset, "x");

        Assert.That(clear, Is.EqualTo(length), "CTR has no padding");
        Assert.That(payload, Is.EqualTo(plain));
    }

    [Test]
    public void Ctr_reference_carries_where_a_64_bit_counter_would_wrap()
    {
        // Guards the test above: the block after ...01 ffffffffffffffff is ...02 00000000...,
        // not ...01 00000000... as a counter wrapping in its low 64 bits would give.
        var keystream = HeaderSchemeReference.Ctr128(Key,
            Convert.FromHexString("0000000000000001ffffffffffffffff"), new byte[32]);
        var carried = HeaderSchemeReference.Ctr128(Key,
            Convert.FromHexString("00000000000000020000000000000000"), new byte[16]);
        var wrapped = HeaderSchemeReference.Ctr128(Key,
            Convert.FromHexString("00000000000000010000000000000000"), new byte[16]);

        Assert.That(keystream[16..], Is.EqualTo(carried));
        Assert.That(keystream[16..], Is.Not.EqualTo(wrapped));
    }

    [Test]
    public void Ctr_carry_through_the_cipher_matches_the_full_carry_keystream()
    {
        var iv = Convert.FromHexString("0000000000000001ffffffffffffffff");
        var payload = new byte[32];
        using var key = new AesContext(Key);

        OmaPdcfCipher.Decrypt(key, Ctr, iv, payload, PayloadOffset, "x");

        var carried = HeaderSchemeReference.Ctr128(Key,
            Convert.FromHexString("00000000000000020000000000000000"), new byte[16]);
        Assert.That(payload[16..], Is.EqualTo(carried), "second block uses counter ...02 0...");
    }

    [Test]
    public void Method_none_leaves_the_payload_alone()
    {
        var payload = HeaderSchemeReference.RandomBytes(new Random(3), 21);
        var copy = (byte[])payload.Clone();
        using var key = new AesContext(Key);

        var clear = OmaPdcfCipher.Decrypt(key, Headers(OmaCommonHeadersBox.MethodNone,
            OmaCommonHeadersBox.PaddingRfc2630), Iv, payload, PayloadOffset, "x");

        Assert.That(clear, Is.EqualTo(21));
        Assert.That(payload, Is.EqualTo(copy));
    }

    private static OmaCommonHeadersBox Headers(byte method, byte padding) =>
        new(method, padding, 0, "cid:test", "http://ri.example/", "", 0);

    private static byte[] Block(int fill, byte last)
    {
        var block = new byte[16];
        block.AsSpan(16 - fill).Fill(0x5A);
        block[^1] = last;
        return block;
    }
}
