using Decryptor.Tests.Cli;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>`demo` makes its clip once into the cache directory and plays it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoTests
{
    [Test]
    public void DemoMakesThenReusesItsClip()
    {
        var cache = Path.Combine(Path.GetTempPath(), $"demo-cache-{Guid.NewGuid():N}");
        var previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            var first = CliRunner.Run("demo", "--quiet");
            Assert.That(first.ExitCode, Is.Zero, first.Stderr);
            Assert.That(first.Stderr, Does.Contain("first run only"));
            Assert.That(first.Stdout, Does.Contain("video frames: 100\n"));
            Assert.That(first.Stdout, Does.Contain("decode errors: 0\n"));
            Assert.That(Directory.GetFiles(Path.Combine(cache, "decryptor")),
                Has.Length.EqualTo(1), "only demo.mp4, no temporary file");

            var second = CliRunner.Run("demo", "--quiet");
            Assert.That(second.ExitCode, Is.Zero, second.Stderr);
            Assert.That(second.Stderr, Does.Not.Contain("first run only"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", previous);
            Directory.Delete(cache, recursive: true);
        }
    }
}
