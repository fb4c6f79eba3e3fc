namespace Decryptor.SamplePlayer.CommandLine;

/// <summary>The command line itself is wrong (exit code 2), as opposed to the input file.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
