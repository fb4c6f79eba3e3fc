using Decryptor.IsoBmff;

namespace Decryptor.Decryption;

/// <summary>
/// A read-ahead window over the input for sample auxiliary information. Files keep the
/// entries of consecutive samples next to each other (one `senc` box, or the run `saio`
/// points at), a few dozen bytes each, so one read of the window serves hundreds of samples
/// where a read per sample would cost a system call each.
/// </summary>
internal sealed class AuxInfoWindow
{
    // Large enough for the entries of a few hundred samples with subsamples, small enough
    // that a lone random-access read stays cheap.
    private const int WindowSize = 16 * 1024;

    private readonly SourceStream _source;
    private readonly byte[] _window = new byte[WindowSize];
    private long _start;
    private int _count;

    public AuxInfoWindow(SourceStream source)
    {
        _source = source;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> from byte <paramref name="offset"/>; the caller has
    /// checked that the range lies inside the input.
    /// </summary>
    public void Read(long offset, Span<byte> destination)
    {
        if (destination.Length > WindowSize)
        {
            // A sample with thousands of subsamples: read it directly, it is rare.
            _source.ReadExactly(offset, destination);
            return;
        }

        if (offset < _start || offset - _start > _count - destination.Length)
        {
            _start = offset;
            _count = _source.ReadAtMost(offset, _window);
        }

        _window.AsSpan((int)(offset - _start), destination.Length).CopyTo(destination);
    }
}
