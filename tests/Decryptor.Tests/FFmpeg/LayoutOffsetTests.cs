using System.Globalization;
using System.Reflection;
using System.Text;
using Decryptor.Interop.FFmpeg;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// Every <see cref="Layout"/> constant (named Struct_field) equals offsetof(Struct, field) as gcc
/// computes it from the installed FFmpeg headers; AVSubsampleEncryptionInfo_size is a sizeof.
/// </summary>
[TestFixture]
public sealed class LayoutOffsetTests
{
    private const string InstallCommand =
        "apt-get install -y libavformat-dev libavcodec-dev libavutil-dev pkg-config gcc libc6-dev";

    private const string SizeofConstant = "AVSubsampleEncryptionInfo_size";

    private static readonly string[] Headers =
    [
        "libavformat/avformat.h",
        "libavformat/avio.h",
        "libavcodec/avcodec.h",
        "libavcodec/packet.h",
        "libavutil/frame.h",
        "libavutil/encryption_info.h",
    ];

    [Test]
    public void Layout_constants_equal_offsetof_from_the_ffmpeg_headers()
    {
        var flags = Run("pkg-config", "--cflags", "libavformat", "libavcodec", "libavutil");
        if (flags is not { ExitCode: 0 } || Run("gcc", "--version") is not { ExitCode: 0 })
        {
            Assert.Ignore($"FFmpeg -dev headers, pkg-config or gcc missing: {InstallCommand}");
        }

        var constants = LayoutConstants();
        var directory = Directory.CreateTempSubdirectory("layout-check-");
        try
        {
            var source = Path.Combine(directory.FullName, "layout.c");
            var program = Path.Combine(directory.FullName, "layout");
            File.WriteAllText(source, CProgram(constants.Keys));

            var arguments = new List<string> { source, "-o", program };
            arguments.AddRange(flags.Value.Stdout.Split(' ',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var compile = Run("gcc", [.. arguments]);
            Assert.That(compile?.ExitCode, Is.Zero, $"gcc failed: {compile?.Stderr}");

            var run = Run(program);
            Assert.That(run?.ExitCode, Is.Zero, $"{program} failed: {run?.Stderr}");

            var measured = run!.Value.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(f => f[0], f => int.Parse(f[1], CultureInfo.InvariantCulture));
            Assert.That(measured, Is.EquivalentTo(constants));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Dictionary<string, int> LayoutConstants() =>
        typeof(Layout).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    /// <summary>A C program printing "Struct_field offset" for each constant.</summary>
    private static string CProgram(IEnumerable<string> names)
    {
        var text = new StringBuilder();
        text.AppendLine("#include <stddef.h>").AppendLine("#include <stdio.h>");
        foreach (var header in Headers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#include <{header}>");
        }

        text.AppendLine("int main(void) {");
        foreach (var name in names)
        {
            var split = name.IndexOf('_', StringComparison.Ordinal);
            var (type, field) = (name[..split], name[(split + 1)..]);
            var value = name == SizeofConstant ? $"sizeof({type})" : $"offsetof({type}, {field})";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    printf(\"{name} %zu\\n\", (size_t){value});");
        }

        return text.AppendLine("    return 0;").AppendLine("}").ToString();
    }

    private static (int ExitCode, string Stdout, string Stderr)? Run(
        string program, params string[] args)
    {
        try
        {
            return ExternalProgram.Run(program, args);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The program is not installed.
            return null;
        }
    }
}
