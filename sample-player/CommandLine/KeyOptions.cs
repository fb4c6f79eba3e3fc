using Decryptor.Keys;

namespace Decryptor.SamplePlayer.CommandLine;

/// <summary>
/// The key options every command takes: `--key KID:KEY`, `--track-key TRACK_ID[/KI]:KEY[:SALT]`
/// and `--keys-xml FILE` (a GPAC DRM key file). Options given on the command line win over the
/// key file.
/// </summary>
public static class KeyOptions
{
    public const string Key = "--key";
    public const string TrackKey = "--track-key";
    public const string KeysXml = "--keys-xml";

    public static IEnumerable<string> Names => [Key, TrackKey, KeysXml];

    public static CompositeKeyProvider BuildProvider(ParsedArguments args)
    {
        var options = new StaticKeyProvider();
        foreach (var value in args.All(Key))
        {
            options.AddKeyOption(value);
        }

        foreach (var value in args.All(TrackKey))
        {
            options.AddTrackKeyOption(value);
        }

        var provider = new CompositeKeyProvider(options);
        foreach (var path in args.All(KeysXml))
        {
            provider.Add(GpacDrmKeyFile.Load(path).ToKeyProvider());
        }

        return provider;
    }
}
