using BenchmarkDotNet.Attributes;
using Decryptor.Crypto;

namespace Decryptor.Benchmarks;

/// <summary>
/// DecryptSample per scheme. Decrypting ciphertext that was never encrypted costs the same as
/// real data, so the buffer is just random bytes decrypted over and over.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CipherBenchmarks : IDisposable
{
    private static readonly EncryptionPattern NoPattern = new(0, 0);
    private static readonly EncryptionPattern OneNine = new(1, 9);

    private readonly byte[] _iv = new byte[16];
    private AesContext _key = null!;
    private byte[] _sample = [];
    private SubsampleEntry[] _subsamples = [];

    [Params(4 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [Params(false, true)]
    public bool Software { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var key = new byte[16];
        random.NextBytes(key);
        _key = new AesContext(key, Software);
        _sample = new byte[Size];
        random.NextBytes(_sample);
        random.NextBytes(_iv);
        _subsamples = VideoLikeSubsamples(Size);
    }

    [Benchmark(Baseline = true)]
    public void CencFullSample() => Decrypt(CencCipher.Cenc, [], NoPattern);

    [Benchmark]
    public void CencSubsamples() => Decrypt(CencCipher.Cenc, _subsamples, NoPattern);

    [Benchmark]
    public void Cens1To9() => Decrypt(CencCipher.Cens, _subsamples, OneNine);

    [Benchmark]
    public void Cbc1Subsamples() => Decrypt(CencCipher.Cbc1, _subsamples, NoPattern);

    [Benchmark]
    public void Cbcs1To9() => Decrypt(CencCipher.Cbcs, _subsamples, OneNine);

    [GlobalCleanup]
    public void Dispose()
    {
        _key.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Decrypt(CencCipher cipher, SubsampleEntry[] subsamples, EncryptionPattern p) =>
        CommonEncryptionCipher.DecryptSample(_key, cipher, _iv, subsamples, p, _sample);

    /// <summary>NAL-unit-like layout: a short clear header before each 16-aligned range.</summary>
    private static SubsampleEntry[] VideoLikeSubsamples(int size)
    {
        const int Clear = 32;
        var count = Math.Max(1, size / (64 * 1024));
        var each = size / count;
        var entries = new SubsampleEntry[count];
        for (var i = 0; i < count; i++)
        {
            var length = i == count - 1 ? size - each * i : each;
            entries[i] = new SubsampleEntry(Clear, (uint)(length - Clear));
        }

        return entries;
    }
}
