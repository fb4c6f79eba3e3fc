using Decryptor.Output;
using NUnit.Framework;

namespace Decryptor.Tests.Output;

/// <summary>
/// The writeback hint must really reach the kernel on Linux: if the libc entry point failed
/// to resolve, the hint would silently turn into a no-op and the final fsync of every clear
/// file would wait for the whole file again.
/// </summary>
[TestFixture]
public sealed class EarlyWritebackTests
{
    [Test]
    public void On_linux_the_hint_resolves_and_leaves_the_file_intact()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("sync_file_range is Linux only; elsewhere the hint does nothing");
        }

        var path = Path.GetTempFileName();
        try
        {
            var data = new byte[3 * 4096];
            new Random(7).NextBytes(data);
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write))
            {
                RandomAccess.Write(handle, data, 0);
                EarlyWriteback.Start(handle, 0, data.Length);
            }

            Assert.That(EarlyWriteback.IsAvailable, Is.True);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(data));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
