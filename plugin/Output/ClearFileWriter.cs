using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Decryptor.Output;

/// <summary>
/// Writes the clear view to a file. The file appears whole or not at all: bytes go to a
/// temporary file beside the target, which is flushed to disk and only then renamed over the
/// target, so neither a failure nor a power cut leaves a partial file under the final name.
/// </summary>
public static class ClearFileWriter
{
    /// <summary>Bytes decrypted and written per step.</summary>
    internal const int DefaultChunkSize = 1 << 20;

    /// <summary>
    /// Copies the clear view of <paramref name="index"/> to <paramref name="path"/>.
    /// </summary>
    /// <param name="index">The protected file.</param>
    /// <param name="keys">Where keys come from.</param>
    /// <param name="path">The clear file to write (replaced if it exists).</param>
    /// <param name="progress">Told the number of bytes written so far, after every chunk.
    /// </param>
    /// <param name="logger">Diagnostics.</param>
    /// <param name="cancellationToken">Stops the copy; the target is then left untouched.</param>
    public static void Write(MovieIndex index, KeyResolver keys, string path,
        IProgress<long>? progress = null, ILogger? logger = null,
        CancellationToken cancellationToken = default) =>
        Write(index, keys, path, DefaultChunkSize, progress, logger, cancellationToken);

    internal static void Write(MovieIndex index, KeyResolver keys, string path, int chunkSize,
        IProgress<long>? progress = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!,
            $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var decryptor = new SampleDecryptor(index, keys, logger))
            using (var view = ClearMovieView.Open(index, decryptor))
            using (var output = File.OpenHandle(temporary, FileMode.CreateNew,
                FileAccess.Write, FileShare.None, FileOptions.None, view.Length))
            {
                Copy(view, output, chunkSize, progress, cancellationToken);
                RandomAccess.FlushToDisk(output);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Reads and decrypts the next chunk while the previous one is being written, so the two
    /// cores share the work: decryption on this thread, the copy into the page cache on a
    /// pool thread. Two buffers take turns; a buffer is refilled only once its write is done.
    /// </summary>
    private static void Copy(Stream view, SafeFileHandle output, int chunkSize,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        byte[][] buffers = [new byte[chunkSize], new byte[chunkSize]];
        Task pending = Task.CompletedTask;
        var offset = 0L;
        try
        {
            for (var turn = 0; ; turn ^= 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var buffer = buffers[turn];
                var count = view.Read(buffer);
                pending.GetAwaiter().GetResult();
                if (offset > 0)
                {
                    progress?.Report(offset);
                }

                if (count == 0)
                {
                    break;
                }

                var at = offset;
                pending = Task.Run(() => WriteChunk(output, buffer.AsMemory(0, count), at),
                    CancellationToken.None);
                offset += count;
            }
        }
        finally
        {
            // Never let the handle close under a write still in flight.
            WaitQuietly(pending);
        }
    }

    private static void WriteChunk(SafeFileHandle output, ReadOnlyMemory<byte> chunk,
        long offset)
    {
        RandomAccess.Write(output, chunk.Span, offset);
        EarlyWriteback.Start(output, offset, chunk.Length);
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Already surfaced by the copy loop, or superseded by the error that ended it.
        }
    }
}
