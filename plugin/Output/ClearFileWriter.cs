using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Microsoft.Extensions.Logging;

namespace Decryptor.Output;

/// <summary>
/// Writes the clear view to a file. The file appears whole or not at all: bytes go to a
/// temporary file beside the target, which is renamed over it only once complete.
/// </summary>
public static class ClearFileWriter
{
    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// Copies the clear view of <paramref name="index"/> to <paramref name="path"/>.
    /// </summary>
    /// <param name="index">The protected file.</param>
    /// <param name="keys">Where keys come from.</param>
    /// <param name="path">The clear file to write (replaced if it exists).</param>
    /// <param name="progress">Told the number of bytes written so far, about every chunk.</param>
    /// <param name="logger">Diagnostics.</param>
    /// <param name="cancellationToken">Stops the copy; the target is then left untouched.</param>
    public static void Write(MovieIndex index, KeyResolver keys, string path,
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
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write,
                FileShare.None, 1, FileOptions.SequentialScan))
            {
                output.SetLength(view.Length);
                var buffer = new byte[ChunkSize];
                var written = 0L;
                int count;
                while ((count = view.Read(buffer)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    output.Write(buffer, 0, count);
                    written += count;
                    progress?.Report(written);
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
