using NUnit.Framework;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Runs the natively compiled `sample-player` that scripts/setup.sh publishes to
/// .build/sample-player, the very program users run. In-process tests cannot see what native
/// compilation might trim or change; these runs can.
/// </summary>
public static class PublishedPlayer
{
    private static readonly Lazy<string> PathValue = new(Locate);

    public static string ExecutablePath => PathValue.Value;

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        ExternalProgram.Run(ExecutablePath, args);

    private static string Locate()
    {
        var root = CorpusPaths.RepositoryRoot;
        var path = Path.Combine(root, ".build", "sample-player", "sample-player");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: run `bash scripts/setup.sh` first (the README's "
                + "test command does)");
        }

        // A binary older than the code would test yesterday's program.
        var built = File.GetLastWriteTimeUtc(path);
        var newer = new[] { "plugin", "interop", "sample-player" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs*",
                SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > built);
        if (newer is not null)
        {
            Assert.Fail($"{path} is older than {newer}: run `bash scripts/setup.sh` again");
        }

        return path;
    }

    private static bool IsBuildOutput(string relativePath) => relativePath
        .Split(Path.DirectorySeparatorChar)
        .Any(part => part is "bin" or "obj");
}
