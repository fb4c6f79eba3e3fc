using NUnit.Framework;

namespace Decryptor.Tests.TestSupport;

/// <summary>
/// Locates the shared test corpus, which lives beside the repository (../shared/corpus) and is
/// read in place, never copied.
/// </summary>
public static class CorpusPaths
{
    private const string SolutionFile = "Decryptor.sln";

    private static readonly Lazy<string> RepositoryRootValue = new(FindRepositoryRoot);
    private static readonly Lazy<string> RootValue = new(FindCorpus);

    /// <summary>The directory holding Decryptor.sln.</summary>
    public static string RepositoryRoot => RepositoryRootValue.Value;

    /// <summary>The corpus directory (holds manifest.json, encrypted/, sources/, drm/).</summary>
    public static string Root => RootValue.Value;

    public static string Manifest => Path.Combine(Root, "manifest.json");

    /// <summary>The GPAC key files.</summary>
    public static string DrmDirectory => Path.Combine(Root, "drm");

    /// <summary>A manifest path (relative to the corpus, '/'-separated) made absolute.</summary>
    public static string Resolve(string relativePath) => Path.GetFullPath(
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    private static string FindRepositoryRoot()
    {
        var start = TestDirectory();
        for (var directory = new DirectoryInfo(start); directory is not null;
            directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFile} found in {start} or any directory above it.");
    }

    private static string FindCorpus()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
        if (!File.Exists(Path.Combine(corpus, "manifest.json")))
        {
            throw new DirectoryNotFoundException(
                $"The test corpus was expected at {corpus} (../shared/corpus from the "
                + "repository root), with a manifest.json.");
        }

        return corpus;
    }

    private static string TestDirectory()
    {
        // Test case sources run at discovery, where NUnit's context may not be set up yet.
        try
        {
            var directory = TestContext.CurrentContext.TestDirectory;
            if (!string.IsNullOrEmpty(directory))
            {
                return directory;
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (NullReferenceException)
        {
        }

        return AppContext.BaseDirectory;
    }
}
