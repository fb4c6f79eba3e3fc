using Decryptor.IsoBmff;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// `info FILE`: the tracks, codecs and protection of a file: scheme, KIDs, IV sizes, pattern,
/// `pssh` system IDs and key rotation groups. Needs no key.
/// </summary>
public sealed class InfoCommand : ICommand
{
    public string Name => "info";

    public string Synopsis => "FILE";

    public int PositionalCount => 1;

    public string Description =>
        "Show tracks, codecs, protection scheme, KIDs, IV sizes, pattern, pssh systems.";

    public int Execute(CommandContext context)
    {
        var path = context.Arguments.Positionals[0];
        using var index = Cli.OpenInput(context, path);
        var o = context.Out;
        o.WriteLine($"File: {path} ({index.Source.Length} bytes)");
        o.WriteLine(index.IsFragmented
            ? $"Layout: fragmented, {index.TopLevelBoxes.Count(b => b.Type == BoxTypes.Moof)}"
              + $" fragments, {index.SegmentIndexes.Count} sidx, "
              + $"{index.RandomAccess.Count} tfra"
            : "Layout: not fragmented");
        foreach (var pssh in index.ProtectionSystemHeaders)
        {
            var name = pssh.SystemId.KnownName ?? "unknown system";
            var kids = pssh.KeyIds.Count == 0 ? "" : $", KIDs {string.Join(' ', pssh.KeyIds)}";
            o.WriteLine($"pssh: {pssh.SystemId} ({name}), version {pssh.Version}, "
                + $"{pssh.Data.Length} data bytes{kids}");
        }

        foreach (var track in index.Tracks)
        {
            TrackInfo.Write(o, track);
        }

        return Cli.Success;
    }
}
