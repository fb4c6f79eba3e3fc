using Decryptor.SamplePlayer.Commands;

namespace Decryptor.SamplePlayer;

/// <summary>The text of `--help`.</summary>
internal static class HelpText
{
    private const string Options = """
        Key options (every command):
          --key KID:KEY                     a content key by KID (32 hex digits each); repeatable
          --track-key TRACK_ID[/KI]:KEY[:SALT]
                                            a key for a track (ISMACryp, OMA), optionally for
                                            key indicator KI and with an 8-byte salt; repeatable
          --keys-xml FILE                   keys from a GPAC DRM XML key file; repeatable
        Input options:
          --init INIT_FILE                  FILE is a lone media segment and INIT_FILE its init
                                            segment; sample numbers count within the segment
        Play options:
          --frame-md5 OUT                   framemd5 lines of the first video stream's pictures
          --snapshot N:FILE.png             video frame N (from 0) as a PNG
          --backend ffmpeg                  the decoder (FFmpeg 5.1 is the only one)
        General:
          -v, --verbose                     diagnostics on stderr
          -q, --quiet                       no progress on stderr
          -h, --help                        this text
          --version                         the version

        Exit status: 0 on success, 1 when the input or keys cannot be handled, 2 for a wrong
        command line. Errors are one line on stderr.

        """;

    public static string Overview(IEnumerable<ICommand> commands)
    {
        var lines = commands.Select(c => $"  {c.Name,-9} {c.Synopsis,-12} {c.Description}");
        return "Usage: sample-player COMMAND ARGS [options]\n\n"
            + "Opens protected MP4 files (CENC cenc/cbc1/cens/cbcs, PIFF, ISMACryp, OMA PDCF)\n"
            + "and hands out clear media.\n\nCommands:\n" + string.Join('\n', lines) + "\n\n"
            + Options;
    }

    public static string ForCommand(ICommand command) =>
        $"Usage: sample-player {command.Name} {command.Synopsis} [options]\n\n"
        + $"{command.Description}\n\n{Options}";
}
