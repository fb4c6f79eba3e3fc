namespace Decryptor.IsoBmff;

/// <summary>
/// A box header (ISO/IEC 14496-12 §4.2): where the box is, how large it is, its type and, for a
/// `uuid` box, its extended type. Sizes are already resolved: a 64-bit largesize and a size of
/// 0 ("to the end of the enclosing container") both become <see cref="Size"/>.
/// </summary>
public readonly record struct BoxHeader(
    FourCC Type, long Offset, long Size, int HeaderSize, Uuid? ExtendedType)
{
    public long End => Offset + Size;

    public long PayloadOffset => Offset + HeaderSize;

    public long PayloadSize => Size - HeaderSize;

    public bool IsUuid(Uuid extendedType) =>
        Type == BoxTypes.Uuid && ExtendedType == extendedType;

    public override string ToString() =>
        ExtendedType is { } uuid
            ? $"uuid {uuid} @{Offset} size {Size}"
            : $"{Type} @{Offset} size {Size}";
}
