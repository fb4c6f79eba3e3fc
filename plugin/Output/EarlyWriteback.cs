using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Decryptor.Output;

/// <summary>
/// Asks the kernel to start writing a range of a file to disk now, without waiting for it.
/// Writing a file out as it is produced means the fsync that makes it durable at the end waits
/// only for the last ranges, not for the whole file, and dirty pages do not pile up. Linux
/// only (sync_file_range(2) with SYNC_FILE_RANGE_WRITE); elsewhere it does nothing. It is a
/// hint: the final fsync is what guarantees durability, so a failure here is ignored.
/// </summary>
internal static partial class EarlyWriteback
{
    // <linux/fs.h>: initiate writeback of dirty pages in the range, do not wait.
    private const uint SYNC_FILE_RANGE_WRITE = 2;

    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>False once the call is known not to exist here (not Linux, no such entry).
    /// </summary>
    internal static bool IsAvailable => !s_unavailable;

    public static void Start(SafeFileHandle file, long offset, long count)
    {
        if (s_unavailable)
        {
            return;
        }

        try
        {
            _ = sync_file_range(file, offset, count, SYNC_FILE_RANGE_WRITE);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
        }
    }

    [LibraryImport("libc")]
    private static partial int sync_file_range(SafeFileHandle fd, long offset, long nbytes,
        uint flags);
}
