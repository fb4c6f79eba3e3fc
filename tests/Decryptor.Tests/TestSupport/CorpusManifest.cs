using System.Text.Json;
using System.Text.Json.Serialization;
using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Tests.TestSupport;

/// <summary>The corpus manifest.json: one entry per encrypted file (see its README).</summary>
public sealed class CorpusManifest
{
    private static readonly Lazy<CorpusManifest> DefaultValue =
        new(() => Load(CorpusPaths.Manifest));

    private static readonly JsonSerializerOptions Options = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private CorpusManifest(IReadOnlyList<CorpusEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>The manifest of <see cref="CorpusPaths.Root"/>, read once.</summary>
    public static CorpusManifest Default => DefaultValue.Value;

    public IReadOnlyList<CorpusEntry> Entries { get; }

    public static CorpusManifest Load(string path)
    {
        using var stream = File.OpenRead(path);
        var entries = JsonSerializer.Deserialize<List<CorpusEntry>>(stream, Options)
            ?? throw new InvalidDataException($"{path} holds no entry list.");
        return new CorpusManifest(entries);
    }

    /// <summary>The entry of a file ("encrypted/x.mp4" or just "x.mp4").</summary>
    public CorpusEntry Entry(string file) =>
        Entries.FirstOrDefault(e => e.File == file || Path.GetFileName(e.File) == file)
        ?? throw new KeyNotFoundException($"No manifest entry for {file}.");
}

public sealed record CorpusEntry
{
    /// <summary>Encrypted file, relative to the corpus root.</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("source_framemd5")]
    public string? SourceFramemd5 { get; init; }

    /// <summary>GPAC ISMACryp only: hashes of the raw Annex-B payloads.</summary>
    [JsonPropertyName("alt_framemd5")]
    public string? AltFramemd5 { get; init; }

    [JsonPropertyName("tool")]
    public string? Tool { get; init; }

    /// <summary>
    /// cenc, cbc1, cens, cbcs, piff-ctr, piff-cbc, isma, oma-pdcf-cbc or oma-pdcf-ctr.
    /// </summary>
    [JsonPropertyName("scheme")]
    public required string Scheme { get; init; }

    [JsonPropertyName("fragmented")]
    public bool Fragmented { get; init; }

    [JsonPropertyName("key_rotation")]
    public bool KeyRotation { get; init; }

    /// <summary>"avc+aac" or "hevc".</summary>
    [JsonPropertyName("codecs")]
    public string? Codecs { get; init; }

    /// <summary>GPAC key file relative to the corpus root, or null.</summary>
    [JsonPropertyName("drm_xml")]
    public string? DrmXml { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("tracks")]
    public IReadOnlyList<CorpusTrack> Tracks { get; init; } = [];

    /// <summary>
    /// The scheme four-CC that the file's `schm` holds: PIFF files say "piff", ISMACryp "iAEC",
    /// OMA PDCF "odkm".
    /// </summary>
    [JsonIgnore]
    public FourCC SchemeType => FourCC.Parse(Scheme switch
    {
        "piff-ctr" or "piff-cbc" => "piff",
        "isma" => "iAEC",
        "oma-pdcf-cbc" or "oma-pdcf-ctr" => "odkm",
        _ => Scheme,
    });

    /// <summary>The absolute path of <see cref="File"/>.</summary>
    [JsonIgnore]
    public string FullPath => CorpusPaths.Resolve(File);

    /// <summary>Names the entry in test output; holds no key.</summary>
    public override string ToString() => File;
}

public sealed record CorpusTrack
{
    [JsonPropertyName("track_id")]
    public uint TrackId { get; init; }

    /// <summary>"video" or "audio".</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>Default KID (hex), or null for ISMACryp and OMA.</summary>
    [JsonPropertyName("kid")]
    public string? Kid { get; init; }

    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>ISMACryp salt (hex), when the tool was given one.</summary>
    [JsonPropertyName("salt")]
    public string? Salt { get; init; }

    /// <summary>Key rotation: every {kid, key} of the track, the first being the default.</summary>
    [JsonPropertyName("keys")]
    public IReadOnlyList<CorpusKey>? Keys { get; init; }

    [JsonPropertyName("key_roll")]
    public string? KeyRoll { get; init; }

    [JsonPropertyName("iv_note")]
    public string? IvNote { get; init; }

    /// <summary>Every KID/key pair of the track: <see cref="Keys"/>, or the single one.</summary>
    [JsonIgnore]
    public IReadOnlyList<CorpusKey> AllKeys =>
        Keys is { Count: > 0 } ? Keys : Kid is null ? [] : [new CorpusKey(Kid, Key)];

    /// <summary>The track's key with its salt, if any.</summary>
    public ContentKey ToContentKey() => ContentKey.Parse(Key, Salt);

    public override string ToString() => $"track {TrackId} ({Kind})";
}

public sealed record CorpusKey(
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("key")] string Key)
{
    [JsonIgnore]
    public KeyId KeyId => KeyId.Parse(Kid);

    public ContentKey ToContentKey() => ContentKey.Parse(Key);

    public override string ToString() => $"KID {Kid}";
}
