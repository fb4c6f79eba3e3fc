using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// A .NET <see cref="Stream"/> as a custom AVIOContext that FFmpeg reads through callbacks.
/// No exception may cross into native code, so the callbacks catch everything, keep the first
/// exception and answer AVERROR_EIO; the caller rethrows it once the FFmpeg call has failed.
/// </summary>
public sealed unsafe class AvioStreamContext : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private GCHandle _self;
    private nint _context;

    public AvioStreamContext(Stream stream, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FFmpegLibraries.EnsureLoaded();
        _stream = stream;
        _ownsStream = ownsStream;

        // The buffer must come from av_malloc: FFmpeg may free or replace it.
        var buffer = Native.av_malloc(BufferSize);
        if (buffer == 0)
        {
            throw new FFmpegException("av_malloc returned NULL");
        }

        _self = GCHandle.Alloc(this);
        delegate* unmanaged[Cdecl]<nint, byte*, int, int> read = &Read;
        delegate* unmanaged[Cdecl]<nint, long, int, long> seek = &Seek;
        _context = Native.avio_alloc_context(buffer, BufferSize, 0, GCHandle.ToIntPtr(_self),
            (nint)read, 0, stream.CanSeek ? (nint)seek : 0);
        if (_context == 0)
        {
            Native.av_free(buffer);
            _self.Free();
            throw new FFmpegException("avio_alloc_context returned NULL");
        }
    }

    /// <summary>The AVIOContext pointer, to be set as an AVFormatContext's pb.</summary>
    public nint Context => _context;

    /// <summary>The first exception a callback caught since the last call to Rethrow.</summary>
    public Exception? PendingException { get; private set; }

    /// <summary>Throws the exception a callback caught, if any, and forgets it.</summary>
    public void RethrowPending()
    {
        if (PendingException is { } pending)
        {
            PendingException = null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(pending);
        }
    }

    public void Dispose()
    {
        if (_context != 0)
        {
            // FFmpeg may have replaced the buffer: free the current one, then the context.
            var buffer = *(nint*)(_context + Layout.AVIOContext_buffer);
            Native.av_free(buffer);
            *(nint*)(_context + Layout.AVIOContext_buffer) = 0;
            Native.avio_context_free(ref _context);
            _context = 0;
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }

        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Read(nint opaque, byte* buffer, int size)
    {
        var self = (AvioStreamContext)GCHandle.FromIntPtr(opaque).Target!;
        try
        {
            var read = self._stream.Read(new Span<byte>(buffer, size));
            return read == 0 ? Native.AVERROR_EOF : read;
        }
        catch (Exception e)
        {
            self.PendingException ??= e;
            return Native.AVERROR_EIO;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Seek(nint opaque, long offset, int whence)
    {
        var self = (AvioStreamContext)GCHandle.FromIntPtr(opaque).Target!;
        try
        {
            var stream = self._stream;
            if ((whence & Native.AVSEEK_SIZE) != 0)
            {
                return stream.Length;
            }

            // AVSEEK_FORCE only asks to seek even when it is costly; every seek is cheap here.
            var origin = (whence & ~Native.AVSEEK_FORCE) switch
            {
                Native.SEEK_SET => SeekOrigin.Begin,
                Native.SEEK_CUR => SeekOrigin.Current,
                Native.SEEK_END => SeekOrigin.End,
                _ => (SeekOrigin?)null,
            };
            return origin is { } o ? stream.Seek(offset, o) : Native.AVERROR_EINVAL;
        }
        catch (Exception e)
        {
            self.PendingException ??= e;
            return Native.AVERROR_EIO;
        }
    }
}
