using Decryptor.Output;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>`decrypt IN OUT`: writes the clear MP4; OUT appears only once it is complete.</summary>
public sealed class DecryptCommand : ICommand
{
    public string Name => "decrypt";

    public string Synopsis => "IN OUT";

    public int PositionalCount => 2;

    public string Description =>
        "Write a clear MP4 with every sample decrypted (the file appears whole or not at all).";

    public int Execute(CommandContext context)
    {
        var output = context.Arguments.Positionals[1];
        using var index = Cli.OpenInput(context, context.Arguments.Positionals[0]);
        var progress = context.ShowProgress
            ? new ProgressReporter(context.Error, index.Source.Length)
            : null;
        ClearFileWriter.Write(index, context.CreateKeyResolver(), output, progress,
            context.Logger);
        progress?.Finish();
        return Cli.Success;
    }
}
