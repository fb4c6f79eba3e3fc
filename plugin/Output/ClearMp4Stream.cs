using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// A read-only, seekable view of the protected file as a clear MP4. For the Common Encryption
/// family every byte keeps its offset: protection boxes read as `free`, sample entries carry
/// their `frma` format again, and sample bytes are decrypted as they are read, so `stco`,
/// `trun` data offsets and `sidx` stay valid. Nothing beyond the bytes asked for is read,
/// except the rest of a sample cut by the read window.
/// </summary>
public sealed class ClearMp4Stream : ReadOnlySeekableStream
{
    private readonly MovieIndex _index;
    private readonly SampleDecryptor _decryptor;
    private readonly bool _ownsDecryptor;
    private readonly ProtectedSampleMap _samples;
    private readonly ClearViewPatchSet _patches;

    // The clear bytes of the last sample that a read window cut, for the next window.
    private byte[] _cut = [];
    private int _cutEntry = -1;

    public ClearMp4Stream(MovieIndex index, SampleDecryptor decryptor, bool ownsDecryptor = false)
    {
        _index = index;
        _decryptor = decryptor;
        _ownsDecryptor = ownsDecryptor;
        _samples = ProtectedSampleMap.Build(index);
        _patches = new ClearViewPatchSet(index.ClearViewPatches);
    }

    public override long Length => _index.Source.Length;

    public override int Read(Span<byte> buffer)
    {
        var position = Position;
        if (position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var count = _index.Source.ReadAtMost(position, buffer);
        var window = buffer[..count];
        _patches.Apply(position, window);
        DecryptSamples(position, window);
        Position = position + count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsDecryptor)
        {
            _decryptor.Dispose();
        }

        base.Dispose(disposing);
    }

    private void DecryptSamples(long start, Span<byte> window)
    {
        var end = start + window.Length;
        for (var e = _samples.FirstEndingAfter(start); e < _samples.Count; e++)
        {
            var (track, sample) = _samples[e];
            if (sample.Offset >= end)
            {
                break;
            }

            if (sample.Offset >= start && sample.Offset + sample.Size <= end)
            {
                _decryptor.DecryptInPlace(track, sample,
                    window.Slice((int)(sample.Offset - start), sample.Size));
                continue;
            }

            CopyCutSample(e, track, sample, start, window);
        }
    }

    private void CopyCutSample(int entry, Track track, Sample sample, long start,
        Span<byte> window)
    {
        if (_cutEntry != entry)
        {
            if (_cut.Length < sample.Size)
            {
                _cut = new byte[sample.Size];
            }

            _decryptor.ReadClearSample(track, sample.Index, _cut);
            _cutEntry = entry;
        }

        var from = Math.Max(start, sample.Offset);
        var to = Math.Min(start + window.Length, sample.Offset + sample.Size);
        _cut.AsSpan((int)(from - sample.Offset), (int)(to - from))
            .CopyTo(window[(int)(from - start)..]);
    }
}
