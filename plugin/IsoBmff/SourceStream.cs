using Microsoft.Win32.SafeHandles;

namespace Decryptor.IsoBmff;

/// <summary>
/// Positioned reads over the input. A <see cref="FileStream"/> is read through its handle
/// with <see cref="RandomAccess"/>, which needs no shared position; any other seekable stream
/// is read under a lock.
/// </summary>
public sealed class SourceStream : IDisposable
{
    private readonly Stream _stream;
    private readonly SafeFileHandle? _handle;
    private readonly bool _leaveOpen;
    private readonly Lock _lock = new();

    public SourceStream(Stream stream, bool leaveOpen = false)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The input must be a readable, seekable stream.",
                nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _handle = stream is FileStream file && file.GetType() == typeof(FileStream)
            ? file.SafeFileHandle
            : null;
        Length = stream.Length;
    }

    public long Length { get; }

    public static SourceStream OpenFile(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1,
            FileOptions.RandomAccess));

    /// <summary>
    /// Fills <paramref name="buffer"/> from <paramref name="offset"/>; throws at EOF.
    /// </summary>
    public void ReadExactly(long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset > Length - buffer.Length)
        {
            throw new EndOfStreamException(
                $"Reading {buffer.Length} bytes at byte {offset} goes past the end of the "
                + $"{Length}-byte input.");
        }

        if (_handle is not null)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var n = RandomAccess.Read(_handle, buffer[done..], offset + done);
                if (n == 0)
                {
                    throw new EndOfStreamException(
                        $"The input ended at byte {offset + done}, before its stated length.");
                }

                done += n;
            }

            return;
        }

        lock (_lock)
        {
            _stream.Position = offset;
            _stream.ReadExactly(buffer);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>.Length bytes; fewer only at the end.
    /// </summary>
    public int ReadAtMost(long offset, Span<byte> buffer)
    {
        var count = (int)Math.Clamp(Length - offset, 0, buffer.Length);
        ReadExactly(offset, buffer[..count]);
        return count;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
