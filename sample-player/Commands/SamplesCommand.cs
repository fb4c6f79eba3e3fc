using System.Globalization;
using System.Security.Cryptography;
using Decryptor.Decryption;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// `samples FILE`: one line per clear sample, tracks in file order, samples in decode order:
/// TRACK_ID, SAMPLE_NUMBER (from 1), SIZE and the MD5 of the clear bytes, tab-separated.
/// </summary>
public sealed class SamplesCommand : ICommand
{
    public string Name => "samples";

    public string Synopsis => "FILE";

    public int PositionalCount => 1;

    public string Description =>
        "Print TRACK_ID<TAB>SAMPLE_NUMBER<TAB>SIZE<TAB>MD5 for every clear sample.";

    public int Execute(CommandContext context)
    {
        using var index = Cli.OpenInput(context, context.Arguments.Positionals[0]);
        using var decryptor = new SampleDecryptor(index, context.CreateKeyResolver(),
            context.Logger);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        foreach (var track in index.Tracks)
        {
            var buffer = new byte[track.Samples.MaxSampleSize];
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var size = decryptor.ReadClearSample(track, i, buffer);
                MD5.HashData(buffer.AsSpan(0, size), hash);
                context.Out.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{track.TrackId}\t{i + 1}\t{size}\t{Convert.ToHexStringLower(hash)}\n"));
            }
        }

        context.Out.Flush();
        return Cli.Success;
    }
}
