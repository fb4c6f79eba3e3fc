namespace Decryptor.Output;

/// <summary>
/// One clear access unit (sample) ready for a decoder. Times are in <see cref="Timescale"/>
/// units; <see cref="Data"/> holds the clear bytes.
/// </summary>
public sealed record AccessUnit(
    uint TrackId,
    int SampleNumber,
    long DecodeTime,
    long PresentationTime,
    uint Duration,
    uint Timescale,
    bool IsSync,
    ReadOnlyMemory<byte> Data)
{
    public TimeSpan DecodeTimeSpan => TimeSpan.FromSeconds((double)DecodeTime / Timescale);

    public TimeSpan PresentationTimeSpan =>
        TimeSpan.FromSeconds((double)PresentationTime / Timescale);

    public override string ToString() =>
        $"track {TrackId} sample {SampleNumber} ({Data.Length} bytes, dts {DecodeTime}"
        + $"/{Timescale}{(IsSync ? ", sync" : "")})";
}
