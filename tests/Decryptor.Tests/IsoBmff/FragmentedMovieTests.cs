using NUnit.Framework;
using static Decryptor.Tests.IsoBmff.SyntheticMovie;
using static Decryptor.Tests.TestSupport.BoxBuilder;
using B = Decryptor.Tests.TestSupport.BoxBuilder;

namespace Decryptor.Tests.IsoBmff;

/// <summary>The data-offset rules of ISO/IEC 14496-12 §8.8.7 and §8.8.8.</summary>
[TestFixture]
public sealed class FragmentedMovieTests
{
    private static byte[] Init() => Concat(Ftyp(), Moov(
        Trak(1, Stsd(VideoEntry("avc1")), EmptyTables()),
        Trak(2, Stsd(VideoEntry("avc1")), EmptyTables()),
        Mvex(Trex(1, 1000, 0), Trex(2, 500, 0))));

    /// <summary>Builds moof + mdat; <paramref name="moof"/> gets the moof size (0 first).</summary>
    private static (byte[] File, long MoofStart, long Data) Fragment(
        Func<int, long, byte[]> moof, int dataSize)
    {
        var init = Init();
        var moofSize = moof(0, 0).Length;
        var data = (long)init.Length + moofSize + 8;
        var built = moof(moofSize, data);
        Assert.That(built, Has.Length.EqualTo(moofSize), "the moof size depends on its values");
        return (Concat(init, built, Box("mdat", new byte[dataSize])), init.Length, data);
    }

    [Test]
    public void WithoutBaseFlagsFirstTrafCountsFromMoofAndSecondFollowsTheFirstTrafsData()
    {
        var (file, _, p) = Fragment((moofSize, _) => Box("moof", Mfhd(1),
            Box("traf",
                FullBox("tfhd", 0, 0x20, new B().U32(1).U32(0x00010000)),
                Tfdt(1000),
                // data_offset + first_sample_flags (sync) + sizes.
                FullBox("trun", 0, 0x205, new B().U32(2).I32(moofSize + 8).U32(0x02000000)
                    .U32(10).U32(20)),
                Trun(null, 30),
                Trun(moofSize + 8 + 100, 5)),
            Box("traf",
                FullBox("tfhd", 0, 0, new B().U32(2)),
                Trun(null, 7, 8))), 200);

        using var index = Open(file);

        var one = index.GetTrack(1).Samples;
        var two = index.GetTrack(2).Samples;
        Assert.That(index.IsFragmented, Is.True);
        Assert.That(Enumerable.Range(0, one.Count).Select(i => one[i].Offset),
            Is.EqualTo(new[] { p, p + 10, p + 30, p + 100 }));
        Assert.That(Enumerable.Range(0, one.Count).Select(i => one[i].Size),
            Is.EqualTo(new[] { 10, 20, 30, 5 }));
        Assert.That(Enumerable.Range(0, one.Count).Select(i => one[i].DecodeTime),
            Is.EqualTo(new long[] { 1000, 2000, 3000, 4000 }));
        Assert.That(Enumerable.Range(0, one.Count).Select(i => one[i].IsSync),
            Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(Enumerable.Range(0, two.Count).Select(i => two[i].Offset),
            Is.EqualTo(new[] { p + 105, p + 112 }));
        Assert.That(Enumerable.Range(0, two.Count).Select(i => two[i].DecodeTime),
            Is.EqualTo(new long[] { 0, 500 }));
    }

    [Test]
    public void ExplicitBaseDataOffsetAndDefaultBaseIsMoofAreEachTheirTrafsBase()
    {
        // traf 1 (track 2) has an absolute base_data_offset; traf 2 (track 1) is
        // default-base-is-moof, so its data_offset counts from the moof start, not from the
        // end of traf 1's data.
        var (file, _, p) = Fragment((moofSize, data) => Box("moof", Mfhd(1),
            Box("traf",
                FullBox("tfhd", 0, 0x01, new B().U32(2).U64((ulong)data)),
                Trun(4, 6),
                Trun(null, 2)),
            Box("traf",
                FullBox("tfhd", 0, 0x020000, new B().U32(1)),
                Trun(moofSize + 8 + 40, 10))), 64);

        using var index = Open(file);

        var two = index.GetTrack(2).Samples;
        Assert.That((two[0].Offset, two[1].Offset), Is.EqualTo((p + 4, p + 10)));
        Assert.That(index.GetTrack(1).Samples[0].Offset, Is.EqualTo(p + 40));
    }

    [Test]
    public void TrunWithoutDataOffsetStartsAtTheBaseWhenItIsTheFirstRun()
    {
        var (file, moofStart, _) = Fragment((_, _) => Box("moof", Mfhd(1),
            Box("traf", FullBox("tfhd", 0, 0x020000, new B().U32(1)), Trun(null, 3, 4))), 16);

        using var index = Open(file);

        var samples = index.GetTrack(1).Samples;
        Assert.That((samples[0].Offset, samples[1].Offset),
            Is.EqualTo((moofStart, moofStart + 3)));
    }

    [Test]
    public void TfhdDefaultsOverrideTrexAndDecodeTimeContinuesAcrossFragments()
    {
        var init = Init();
        byte[] Moof(int dataOffset) => Box("moof", Mfhd(1), Box("traf",
            FullBox("tfhd", 0, 0x020018, new B().U32(1).U32(40).U32(9)),
            FullBox("trun", 0, 0x201, new B().U32(2).I32(dataOffset).U32(9).U32(9))));
        var moof = Moof(Moof(0).Length + 8);
        var file = Concat(init, moof, Box("mdat", new byte[18]), moof, Box("mdat", new byte[18]));

        using var index = Open(file);

        var samples = index.GetTrack(1).Samples;
        Assert.That(samples.Count, Is.EqualTo(4));
        Assert.That(Enumerable.Range(0, 4).Select(i => samples[i].DecodeTime),
            Is.EqualTo(new long[] { 0, 40, 80, 120 }));
        var secondMoof = init.Length + moof.Length + 26;
        Assert.That(samples[2].Offset, Is.EqualTo(secondMoof + moof.Length + 8));
        Assert.That(samples[1].Size, Is.EqualTo(9));
    }
}
