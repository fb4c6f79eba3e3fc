using Decryptor.SamplePlayer;

return Cli.Run(args, Console.Out, Console.Error);
