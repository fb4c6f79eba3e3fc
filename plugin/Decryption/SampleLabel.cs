namespace Decryptor.Decryption;

/// <summary>Names a sample in messages: "sample 12 of track 1".</summary>
public readonly record struct SampleLabel(uint TrackId, int SampleNumber)
{
    public override string ToString() => $"sample {SampleNumber} of track {TrackId}";
}
