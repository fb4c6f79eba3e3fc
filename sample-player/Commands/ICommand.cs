namespace Decryptor.SamplePlayer.Commands;

/// <summary>One `sample-player` command.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>The positional arguments, as shown in help: "FILE" or "IN OUT".</summary>
    string Synopsis { get; }

    int PositionalCount { get; }

    string Description { get; }

    int Execute(CommandContext context);
}
