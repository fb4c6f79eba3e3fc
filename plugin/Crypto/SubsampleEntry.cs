namespace Decryptor.Crypto;

/// <summary>
/// One subsample of a CENC sample (ISO/IEC 23001-7 §7): clear bytes, then protected bytes.
/// </summary>
public readonly record struct SubsampleEntry(ushort BytesOfClearData, uint BytesOfProtectedData);
