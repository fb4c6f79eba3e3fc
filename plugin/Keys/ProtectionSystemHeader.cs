namespace Decryptor.Keys;

/// <summary>
/// One `pssh` box (ISO/IEC 23001-7 §8.1) or PIFF protection-system uuid box: handed to key
/// providers as context, since license requests are built from it.
/// </summary>
/// <param name="SystemId">SystemID.</param>
/// <param name="Version">Box version; only version 1 lists KIDs.</param>
/// <param name="KeyIds">KID list of a version 1 box, else empty.</param>
/// <param name="Data">The system-specific Data bytes.</param>
/// <param name="BoxOffset">File offset of the box, for diagnostics.</param>
public sealed record ProtectionSystemHeader(
    SystemId SystemId,
    byte Version,
    IReadOnlyList<KeyId> KeyIds,
    ReadOnlyMemory<byte> Data,
    long BoxOffset);
