using System.Runtime.CompilerServices;
using Decryptor.IsoBmff;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// Reads an FFmpeg AVEncryptionInfo (libavutil/encryption_info.h) by the offsets in
/// <see cref="Layout"/>. The struct has no accessor functions; the view copies nothing and is
/// valid only while the struct lives (until av_encryption_info_free).
/// </summary>
internal readonly unsafe struct AVEncryptionInfoView(nint pointer)
{
    public nint Pointer { get; } = pointer;

    /// <summary>FFmpeg stores the `schm` scheme as MKBETAG, the same number as a FourCC.</summary>
    public FourCC Scheme => new(Read<uint>(Layout.AVEncryptionInfo_scheme));

    public uint CryptByteBlock => Read<uint>(Layout.AVEncryptionInfo_crypt_byte_block);

    public uint SkipByteBlock => Read<uint>(Layout.AVEncryptionInfo_skip_byte_block);

    public ReadOnlySpan<byte> KeyId => Bytes(
        Layout.AVEncryptionInfo_key_id, Layout.AVEncryptionInfo_key_id_size);

    public ReadOnlySpan<byte> Iv =>
        Bytes(Layout.AVEncryptionInfo_iv, Layout.AVEncryptionInfo_iv_size);

    public uint SubsampleCount => Read<uint>(Layout.AVEncryptionInfo_subsample_count);

    /// <summary>
    /// Subsample <paramref name="index"/>: AVSubsampleEncryptionInfo is two uint32s, clear then
    /// protected byte counts.
    /// </summary>
    public (uint Clear, uint Protected) Subsample(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, SubsampleCount);

        var entry = (byte*)Read<nint>(Layout.AVEncryptionInfo_subsamples)
            + ((long)index * Layout.AVSubsampleEncryptionInfo_size);
        return (Unsafe.ReadUnaligned<uint>(entry), Unsafe.ReadUnaligned<uint>(entry + 4));
    }

    private T Read<T>(int offset)
        where T : unmanaged => Unsafe.ReadUnaligned<T>((byte*)Pointer + offset);

    private ReadOnlySpan<byte> Bytes(int pointerOffset, int sizeOffset)
    {
        var data = Read<nint>(pointerOffset);
        var size = Read<uint>(sizeOffset);
        return data == 0 || size == 0
            ? []
            : new ReadOnlySpan<byte>((void*)data, checked((int)size));
    }
}
