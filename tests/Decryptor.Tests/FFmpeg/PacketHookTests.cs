using System.Security.Cryptography;
using Decryptor.Interop.FFmpeg;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// libavformat demuxes each protected corpus file without a key, and
/// <see cref="EncryptedPacketDecryptor"/> turns its packets back into the source's, stream by
/// stream (FFmpeg may interleave the streams differently from the source's framemd5).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PacketHookTests
{
    /// <summary>What FFmpeg 5.1's mov demuxer does with a file it cannot demux in full.</summary>
    public enum Limitation
    {
        /// <summary>
        /// The side data of fragmented files is wrong: the reading ends in an error (the hook's
        /// <see cref="EncryptedPacketException"/> or av_read_frame's AVERROR_INVALIDDATA)
        /// before the end of the file.
        /// </summary>
        BadFragmentInfo,

        /// <summary>FFmpeg reads every packet but attaches no encryption side data.</summary>
        NoEncryptionInfo,

        /// <summary>avformat_open_input fails.</summary>
        CannotOpen,
    }

    /// <summary>Files FFmpeg 5.1 demuxes to the end, side data on every packet.</summary>
    private static readonly string[] FullyDemuxed =
    [
        "encrypted/ffmpeg-cenc.mp4",
        "encrypted/gpac-cenc.mp4",
        "encrypted/gpac-cbc1.mp4",
        "encrypted/gpac-cbcs.mp4",
        "encrypted/gpac-cenc-keyroll.mp4",
        "encrypted/gpac-hevc-cbcs.mp4",
    ];

    private const string FragmentReason =
        "FFmpeg 5.1 mis-reads fragment encryption info: Bento4 packets get zero IVs and no "
        + "subsamples, GPAC and HEVC packets the subsamples of another sample (refused by the "
        + "hook), then 'Incorrect number of samples in encryption info' (AVERROR_INVALIDDATA)";

    private const string PiffReason =
        "schm 'piff' with the PIFF uuid boxes is not CENC to FFmpeg 5.1: no side data, packets "
        + "stay encrypted";

    /// <summary>The CENC-family files FFmpeg 5.1 cannot demux in full, measured here.</summary>
    private static readonly Dictionary<string, (Limitation Kind, string Reason)> Limitations =
        new()
        {
            ["encrypted/bento4-cenc-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-cbc1-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-cens-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-cbcs-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-cenc-piffcompat-frag.mp4"] =
                (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-hevc-cenc-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/gpac-cenc-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/gpac-cens-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/gpac-cbcs-frag.mp4"] = (Limitation.BadFragmentInfo, FragmentReason),
            ["encrypted/bento4-piff-ctr-frag.mp4"] = (Limitation.NoEncryptionInfo, PiffReason),
            ["encrypted/bento4-hevc-piff-cbc-frag.mp4"] =
                (Limitation.NoEncryptionInfo, PiffReason),
            ["encrypted/gpac-piff-frag.mp4"] = (Limitation.CannotOpen,
                "FFmpeg 5.1 logs 'hit EOF while reading sub-sample encryption info' on its "
                + "PIFF sample encryption box and refuses the header"),
        };

    private static IEnumerable<CorpusEntry> Demuxable => DemuxableEntries;

    /// <summary>The entries FFmpeg 5.1 demuxes with correct encryption side data.</summary>
    internal static IEnumerable<CorpusEntry> DemuxableEntries =>
        CorpusCases.CommonEncryption.Where(e => FullyDemuxed.Contains(e.File));

    private static IEnumerable<TestCaseData> Limited =>
        CorpusCases.CommonEncryption
            .Where(e => Limitations.ContainsKey(e.File))
            .Select(e => new TestCaseData(e, Limitations[e.File].Kind)
                .SetArgDisplayNames(e.File, Limitations[e.File].Kind.ToString()));

    [OneTimeSetUp]
    public void RequireFFmpeg()
    {
        if (!FFmpegLibraries.IsAvailable)
        {
            Assert.Ignore("FFmpeg 5.1 libraries missing: apt-get install -y ffmpeg");
        }
    }

    [Test]
    public void Every_common_encryption_entry_is_either_demuxable_or_a_listed_limitation()
    {
        var files = CorpusCases.CommonEncryption.Select(e => e.File).ToHashSet();

        Assert.That(FullyDemuxed.Intersect(Limitations.Keys), Is.Empty);
        Assert.That(FullyDemuxed.Concat(Limitations.Keys), Is.EquivalentTo(files));
    }

    [TestCaseSource(nameof(Demuxable))]
    public void Hooked_packets_equal_source(CorpusEntry entry)
    {
        var expected = CorpusCases.Expected(entry);

        var (actual, encrypted) = ReadAll(entry, out var failure);

        Assert.That(failure, Is.Null, $"{entry.File}: {failure?.Message}");
        Assert.That(encrypted, Is.EqualTo(expected.Values.Sum(s => s.Count)),
            "every packet carried encryption side data");
        AssertStreams(expected, actual, entry.File);
    }

    [TestCaseSource(nameof(Limited))]
    public void Listed_limitation_is_what_ffmpeg_does(CorpusEntry entry, Limitation kind)
    {
        var expected = CorpusCases.Expected(entry);

        if (kind == Limitation.CannotOpen)
        {
            Assert.Throws<FFmpegException>(
                () => new ProtectedFileDemuxer(entry.FullPath).Dispose());
            return;
        }

        var (actual, encrypted) = ReadAll(entry, out var failure);

        if (kind == Limitation.NoEncryptionInfo)
        {
            Assert.That(failure, Is.Null);
            Assert.That(encrypted, Is.Zero);
            Assert.That(actual[0], Is.Not.EqualTo(expected[0]), "packets stay encrypted");
            return;
        }

        Assert.That(failure, Is.TypeOf<FFmpegException>().Or.TypeOf<EncryptedPacketException>());
        Assert.That(actual.Values.Sum(s => s.Count),
            Is.LessThan(expected.Values.Sum(s => s.Count)));
    }

    [Test]
    public void Key_rotation_file_asks_for_several_kids()
    {
        var entry = CorpusManifest.Default.Entry("gpac-cenc-keyroll.mp4");

        var kids = KidsAsked(entry, SampleGroupEncryption.FromFile(entry.FullPath));

        Assert.That(kids, Is.EquivalentTo(
            entry.Tracks.SelectMany(t => t.AllKeys).Select(k => k.KeyId)));
    }

    [Test]
    public void Without_sample_groups_ffmpeg_names_only_the_default_kids()
    {
        var entry = CorpusManifest.Default.Entry("gpac-cenc-keyroll.mp4");

        var kids = KidsAsked(entry, sampleGroups: null);

        Assert.That(kids, Is.EquivalentTo(entry.Tracks.Select(t => KeyId.Parse(t.Kid!))));
    }

    private static HashSet<KeyId> KidsAsked(CorpusEntry entry, SampleGroupEncryption? sampleGroups)
    {
        var kids = new HashSet<KeyId>();
        var manifest = CorpusCases.ManifestKeys(entry);
        var provider = new DelegateKeyProvider(request =>
        {
            kids.Add(request.KeyId!.Value);
            return manifest.TryGetKey(request, out var key) ? key : null;
        });

        using var decryptor = new EncryptedPacketDecryptor(
            new KeyResolver(provider), sampleGroups: sampleGroups);
        using var demuxer = new ProtectedFileDemuxer(entry.FullPath);
        _ = demuxer.ReadPackets(decryptor).Count();
        return kids;
    }

    private static (Dictionary<int, List<(int Size, string Md5)>> Streams, int Encrypted)
        ReadAll(CorpusEntry entry, out Exception? failure)
    {
        var streams = new Dictionary<int, List<(int, string)>>();
        var encrypted = 0;
        failure = null;

        using var decryptor = new EncryptedPacketDecryptor(
            new KeyResolver(CorpusCases.ManifestKeys(entry)),
            sampleGroups: SampleGroupEncryption.FromFile(entry.FullPath));
        using var demuxer = new ProtectedFileDemuxer(entry.FullPath);
        try
        {
            foreach (var packet in demuxer.ReadPackets(decryptor))
            {
                if (!streams.TryGetValue(packet.StreamIndex, out var list))
                {
                    streams[packet.StreamIndex] = list = [];
                }

                list.Add((packet.Data.Length,
                    Convert.ToHexStringLower(MD5.HashData(packet.Data))));
                encrypted += packet.WasEncrypted ? 1 : 0;
            }
        }
        catch (Exception e) when (e is FFmpegException or EncryptedPacketException)
        {
            failure = e;
        }

        return (streams, encrypted);
    }

    private static void AssertStreams(
        Dictionary<int, List<(int Size, string Md5)>> expected,
        Dictionary<int, List<(int Size, string Md5)>> actual,
        string file)
    {
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys), $"{file}: streams");
        foreach (var (stream, packets) in actual)
        {
            Assert.That(packets, Is.EqualTo(expected[stream]), $"{file}: stream {stream}");
        }
    }
}
