using Decryptor.IsoBmff;

namespace Decryptor.Index;

/// <summary>
/// A four-byte rewrite that turns the protected file's metadata into a clear one without
/// moving a byte: a sample entry's type back to its `frma` format, or a protection box's type
/// to `free` (DESIGN: a clear view that keeps offsets).
/// </summary>
public readonly record struct ClearViewPatch(long Offset, FourCC NewType, string Reason);
