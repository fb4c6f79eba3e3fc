using Decryptor.Decryption;
using Decryptor.IsoBmff;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// GPAC `264b` samples: 4-byte start codes become 4-byte NAL lengths in place; a 3-byte start
/// code cannot, and is refused rather than mangled.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AnnexBSampleTests
{
    [TestCase("00000001 65aabb", "00000003 65aabb")]
    [TestCase("00000001 0910 00000001 67640d 00000001 65aabbccdd",
        "00000002 0910 00000003 67640d 00000005 65aabbccdd")]
    [TestCase("00000001 6500000301 00000001 41", "00000005 6500000301 00000001 41")]
    [TestCase("00000001 00000001 41cc", "00000000 00000002 41cc")]
    [TestCase("", "")]
    public void Start_codes_become_lengths(string annexB, string lengthPrefixed)
    {
        var sample = Hex(annexB);

        AnnexBSample.ToLengthPrefixed(sample, 100, "track 1 sample 1");

        Assert.That(sample, Is.EqualTo(Hex(lengthPrefixed)));
    }

    [Test]
    public void Three_byte_start_code_is_not_supported_and_named()
    {
        // NAL 65 aa, then a 3-byte start code at byte 6 before NAL 41 cc.
        var sample = Hex("00000001 65aa 000001 41cc");

        var error = Assert.Throws<Mp4NotSupportedException>(
            () => AnnexBSample.ToLengthPrefixed(sample, 100, "track 1 sample 7"))!;

        Assert.That(error.Field, Is.EqualTo("start code"));
        Assert.That(error.Offset, Is.EqualTo(106));
        Assert.That(error.Message, Does.Contain("track 1 sample 7"));
    }

    [Test]
    public void Three_byte_start_code_right_after_a_start_code_is_not_supported()
    {
        var sample = Hex("00000001 000001 41cc");

        Assert.That(() => AnnexBSample.ToLengthPrefixed(sample, 0, "s"),
            Throws.TypeOf<Mp4NotSupportedException>()
                .With.Property(nameof(Mp4NotSupportedException.Offset)).EqualTo(4));
    }

    [Test]
    public void Sample_not_starting_with_a_start_code_is_a_format_error()
    {
        var sample = Hex("00000005 65aabbccdd");

        var error = Assert.Throws<Mp4FormatException>(
            () => AnnexBSample.ToLengthPrefixed(sample, 100, "s"))!;

        Assert.That((error.Box, error.Offset, error.Field),
            Is.EqualTo(("sample", 100L, "start code")));
    }

    private static byte[] Hex(string hex) =>
        Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
