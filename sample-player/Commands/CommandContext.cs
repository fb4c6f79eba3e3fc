using Decryptor.Keys;
using Decryptor.SamplePlayer.CommandLine;
using Microsoft.Extensions.Logging;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>What a command runs with: its arguments, output streams and logger.</summary>
public sealed record CommandContext(
    ParsedArguments Arguments,
    TextWriter Out,
    TextWriter Error,
    ILogger Logger,
    bool ShowProgress)
{
    public KeyResolver CreateKeyResolver() =>
        new(KeyOptions.BuildProvider(Arguments), Logger);
}
