namespace Decryptor.Protection;

/// <summary>
/// Where one sample's CENC auxiliary information (IV, subsamples) is in the file.
/// </summary>
public readonly record struct AuxInfoLocation(long Offset, int Size);
