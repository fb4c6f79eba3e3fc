using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Decryptor.Interop.FFmpeg;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// Every offset in <see cref="Layout"/> equals offsetof in the installed FFmpeg headers: a C
/// program is compiled against them (needs gcc and the -dev packages, else the test is
/// inconclusive).
/// </summary>
[TestFixture]
public sealed class LayoutTests
{
    [Test]
    public void OffsetsMatchTheInstalledHeaders()
    {
        var constants = typeof(Layout)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        var directory = Directory.CreateTempSubdirectory("layout-").FullName;
        try
        {
            var source = Path.Combine(directory, "layout.c");
            File.WriteAllText(source, Program(constants.Keys));
            var binary = Path.Combine(directory, "layout");
            var (built, _, errors) = Run("gcc", "-w", source, "-o", binary);
            if (built != 0)
            {
                Assert.Inconclusive($"cannot compile against the FFmpeg headers: {errors}");
            }

            var (code, output, _) = Run(binary);
            Assert.That(code, Is.Zero);
            var measured = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
            Assert.That(constants, Is.EquivalentTo(measured));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Program(IEnumerable<string> names)
    {
        var text = new StringBuilder("""
            #include <stdio.h>
            #include <stddef.h>
            #include <libavformat/avformat.h>
            #include <libavformat/avio.h>
            #include <libavutil/encryption_info.h>
            int main(void) {

            """);
        foreach (var name in names)
        {
            // STRUCT_field is offsetof, except the one size: sizeof(AVSubsampleEncryptionInfo).
            var split = name.IndexOf('_', StringComparison.Ordinal);
            var (type, field) = (name[..split], name[(split + 1)..]);
            var value = name == "AVSubsampleEncryptionInfo_size"
                ? $"sizeof({type})"
                : $"offsetof({type}, {field})";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"    printf(\"%s %d\\n\", \"{name}\", (int){value});");
        }

        return text.Append("    return 0;\n}\n").ToString();
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
