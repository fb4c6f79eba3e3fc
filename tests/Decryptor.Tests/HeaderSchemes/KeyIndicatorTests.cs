using Decryptor.Decryption;
using Decryptor.Keys;
using Decryptor.Protection;
using Decryptor.Tests.Cli;
using Decryptor.Tests.IsoBmff;
using Decryptor.Tests.TestSupport;
using Moq;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// ISMACryp key indicators (iSFM key_indicator_length 1): samples alternately name key 1 and
/// key 2; each sample is decrypted with the key it names, every key is asked for once, and a
/// missing key is an error, never a silent fallback to another key.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class KeyIndicatorTests
{
    private const string Key1Hex = "000102030405060708090a0b0c0d0e0f";
    private const string Key2Hex = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    private const string SaltHex = "0123456789abcdef";

    private static readonly byte[] KeyIndicators = [1, 2, 1, 2, 1, 2, 2, 1];

    // Odd sizes so that byte-stream offsets fall mid-block; one of them spans many blocks.
    private static readonly int[] PayloadSizes = [37, 16, 5, 100, 64, 23, 1, 290];

    private delegate bool TryGetKeyCallback(KeyRequest request, out ContentKey? key);

    private static IsmaCrypMovie Movie(bool withSalt = true) => IsmaCrypMovie.Create(
        new Dictionary<byte, byte[]>
        {
            [1] = Convert.FromHexString(Key1Hex),
            [2] = Convert.FromHexString(Key2Hex),
        },
        withSalt ? Convert.FromHexString(SaltHex) : null, KeyIndicators, PayloadSizes,
        seed: 12, encryptionSalt: Convert.FromHexString(SaltHex));

    [Test]
    public void Synthetic_file_has_the_ismacryp_layout_under_test()
    {
        var movie = Movie();
        using var index = SyntheticMovie.Open(movie.File);

        var track = index.Tracks.Single();
        var information = track.Protection!.Sinf.Information;
        Assert.That(track.Protection.SchemeType, Is.EqualTo(SchemeTypes.IsmaCryp));
        Assert.That(information.SampleFormat!.KeyIndicatorLength, Is.EqualTo(1));
        Assert.That(information.SampleFormat.IvLength, Is.EqualTo(8));
        Assert.That(information.SampleFormat.SelectiveEncryption, Is.False);
        Assert.That(information.Salt, Is.EqualTo(Convert.FromHexString(SaltHex)));
        Assert.That(track.Samples.Count, Is.EqualTo(PayloadSizes.Length));
    }

    [Test]
    public void Each_sample_is_decrypted_with_the_key_its_indicator_names()
    {
        var movie = Movie();
        var keys = new StaticKeyProvider();
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key1Hex), keyIndicator: 1);
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key2Hex), keyIndicator: 2);

        AssertEveryPayloadRestored(movie, keys);
    }

    [Test]
    public void Keys_with_their_own_salt_serve_a_file_without_islt()
    {
        var movie = Movie(withSalt: false);
        var keys = new StaticKeyProvider();
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key1Hex, SaltHex), 1);
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key2Hex, SaltHex), 2);

        AssertEveryPayloadRestored(movie, keys);
    }

    [Test]
    public void Cli_takes_a_key_per_indicator()
    {
        var movie = Movie();
        var path = movie.WriteTemporary();
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("samples", path,
                "--track-key", $"1/1:{Key1Hex}:{SaltHex}",
                "--track-key", $"1/2:{Key2Hex}:{SaltHex}");

            Assert.That(code, Is.Zero, stderr);
            var rows = CliRunner.ParseSamples(stdout)[IsmaCrypMovie.TrackId];
            Assert.That(rows.Select(r => (r.Number, r.Size, r.Md5)),
                Is.EqualTo(movie.Payloads.Select((p, i) =>
                    (i + 1, p.Length, HeaderSchemeCases.Md5(p)))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Cli_without_the_second_key_fails_instead_of_printing_garbage()
    {
        var path = Movie().WriteTemporary();
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("samples", path,
                "--track-key", $"1/1:{Key1Hex}:{SaltHex}");

            Assert.That(code, Is.EqualTo(1), stdout);
            Assert.That(stderr, Does.Contain("1/2"), "says how to give the missing key");
            Assert.That(stderr, Does.Not.Contain(Key1Hex));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Without_the_key_of_indicator_2_its_samples_fail_and_never_come_out_wrong()
    {
        var movie = Movie();
        var keys = new StaticKeyProvider();
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key1Hex), keyIndicator: 1);
        using var index = SyntheticMovie.Open(movie.File);
        using var decryptor = new SampleDecryptor(index, new KeyResolver(keys));
        var track = index.Tracks.Single();

        for (var i = 0; i < track.Samples.Count; i++)
        {
            var buffer = new byte[track.Samples[i].Size];
            if (movie.KeyIndicators[i] == 1)
            {
                var size = decryptor.ReadClearSample(track, i, buffer);
                Assert.That(buffer[..size], Is.EqualTo(movie.Payloads[i]), $"sample {i + 1}");
                continue;
            }

            var error = Assert.Throws<ContentKeyNotFoundException>(
                () => decryptor.ReadClearSample(track, i, buffer), $"sample {i + 1}")!;
            Assert.That((error.TrackId, error.KeyIndicator),
                Is.EqualTo((IsmaCrypMovie.TrackId, 2u)));
        }
    }

    [Test]
    public void A_default_key_does_not_stand_in_for_indicator_2()
    {
        var movie = Movie();
        var keys = new StaticKeyProvider();
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key1Hex), keyIndicator: 1);
        keys.AddTrackKey(IsmaCrypMovie.TrackId, ContentKey.Parse(Key1Hex), keyIndicator: 0);
        using var index = SyntheticMovie.Open(movie.File);
        using var decryptor = new SampleDecryptor(index, new KeyResolver(keys));
        var track = index.Tracks.Single();
        var second = Array.IndexOf(movie.KeyIndicators, (byte)2);

        Assert.That(() => decryptor.ReadClearSample(track, second,
                new byte[track.Samples[second].Size]),
            Throws.TypeOf<ContentKeyNotFoundException>()
                .With.Property(nameof(ContentKeyNotFoundException.KeyIndicator)).EqualTo(2u));
    }

    [Test]
    public void Key_provider_is_asked_once_for_indicator_1_and_once_for_indicator_2()
    {
        var movie = Movie();
        var provider = new Mock<IKeyProvider>(MockBehavior.Strict);
        provider
            .Setup(p => p.TryGetKey(It.IsAny<KeyRequest>(), out It.Ref<ContentKey?>.IsAny))
            .Returns(new TryGetKeyCallback((KeyRequest request, out ContentKey? key) =>
            {
                key = request.KeyIndicator switch
                {
                    1 => ContentKey.Parse(Key1Hex),
                    2 => ContentKey.Parse(Key2Hex),
                    _ => null,
                };
                return key is not null;
            }));

        AssertEveryPayloadRestored(movie, provider.Object);

        foreach (var indicator in new uint[] { 1, 2 })
        {
            provider.Verify(p => p.TryGetKey(
                    It.Is<KeyRequest>(r => r.KeyIndicator == indicator
                        && r.TrackId == IsmaCrypMovie.TrackId
                        && r.Scheme == SchemeTypes.IsmaCryp && r.KeyId == null),
                    out It.Ref<ContentKey?>.IsAny),
                Times.Once, $"key indicator {indicator}");
        }

        provider.Verify(
            p => p.TryGetKey(It.IsAny<KeyRequest>(), out It.Ref<ContentKey?>.IsAny),
            Times.Exactly(2));
    }

    private static void AssertEveryPayloadRestored(IsmaCrypMovie movie, IKeyProvider keys)
    {
        using var index = SyntheticMovie.Open(movie.File);
        using var decryptor = new SampleDecryptor(index, new KeyResolver(keys));
        var track = index.Tracks.Single();

        // Out of order, to show no sample leans on the one before it.
        foreach (var i in Enumerable.Range(0, track.Samples.Count).Reverse())
        {
            var buffer = new byte[track.Samples[i].Size];
            var size = decryptor.ReadClearSample(track, i, buffer);
            Assert.That(buffer[..size], Is.EqualTo(movie.Payloads[i]),
                $"sample {i + 1} (key indicator {movie.KeyIndicators[i]})");
        }
    }
}
