using System.Buffers.Binary;
using Decryptor.Crypto;

namespace Decryptor.Decryption;

/// <summary>
/// ISMACryp AES-CTR (ISMA E&amp;A 1.1 §6.2): the counter block is salt ‖ u64be(BSO / 16) and the
/// first BSO mod 16 keystream bytes are skipped, where BSO is the sample's byte-stream offset.
/// Each sample therefore decrypts alone: random access and lost packets need no state.
/// </summary>
public static class IsmaCrypCipher
{
    public static void Decrypt(AesContext key, ReadOnlySpan<byte> salt, ulong byteStreamOffset,
        Span<byte> payload)
    {
        Span<byte> counter = stackalloc byte[16];
        salt.CopyTo(counter);
        BinaryPrimitives.WriteUInt64BigEndian(counter[8..], byteStreamOffset / 16);
        AesCtr.Transform(key, counter, (int)(byteStreamOffset % 16), payload);
    }
}
