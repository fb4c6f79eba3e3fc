using System.Diagnostics;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// Byte progress on stderr, at most twice a second and only for inputs large enough to take a
/// noticeable time, so that short runs stay quiet.
/// </summary>
public sealed class ProgressReporter(TextWriter error, long total) : IProgress<long>
{
    private const long QuietBelow = 32L << 20;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;
    private bool _shown;

    public void Report(long value)
    {
        if (total < QuietBelow || _clock.Elapsed - _last < Interval)
        {
            return;
        }

        _last = _clock.Elapsed;
        _shown = true;
        var percent = 100.0 * value / Math.Max(total, 1);
        var rate = value / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3) / (1 << 20);
        error.WriteLine($"decrypt: {percent,5:F1}% ({value >> 20} of {total >> 20} MiB, "
            + $"{rate:F0} MiB/s)");
    }

    public void Finish()
    {
        if (_shown)
        {
            error.WriteLine($"decrypt: done, {total >> 20} MiB in "
                + $"{_clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
