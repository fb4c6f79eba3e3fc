using System.Diagnostics;

namespace Decryptor.Tests.TestSupport;

/// <summary>Runs another program to its end and captures what it printed.</summary>
public static class ExternalProgram
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="args"/>; throws
    /// <see cref="System.ComponentModel.Win32Exception"/> when it cannot be started (for
    /// example, it is not installed).
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string program,
        IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;

        // Both pipes drain at once, or a chatty stderr would block the program.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
