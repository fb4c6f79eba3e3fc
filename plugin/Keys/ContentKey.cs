namespace Decryptor.Keys;

/// <summary>
/// A 16-byte AES content key, with the 8-byte salt that ISMACryp uses when it is known.
/// The bytes never appear in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class ContentKey
{
    public const int Size = 16;
    public const int SaltSize = 8;

    private readonly byte[] _key;
    private readonly byte[]? _salt;

    public ContentKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt = default)
    {
        if (key.Length != Size)
        {
            throw new ArgumentException(
                $"A content key is {Size} bytes, not {key.Length}.", nameof(key));
        }

        if (!salt.IsEmpty && salt.Length != SaltSize)
        {
            throw new ArgumentException(
                $"A salt is {SaltSize} bytes, not {salt.Length}.", nameof(salt));
        }

        _key = key.ToArray();
        _salt = salt.IsEmpty ? null : salt.ToArray();
    }

    /// <summary>Parses 32 hex digits of key and, optionally, 16 hex digits of salt.</summary>
    public static ContentKey Parse(string keyHex, string? saltHex = null)
    {
        Span<byte> key = stackalloc byte[Size];
        if (!HexBytes.TryParse(keyHex, key))
        {
            // The text may be a mistyped key: never echo it.
            throw new FormatException("A key is 32 hex digits (16 bytes).");
        }

        if (saltHex is null)
        {
            return new ContentKey(key);
        }

        Span<byte> salt = stackalloc byte[SaltSize];
        if (!HexBytes.TryParse(saltHex, salt))
        {
            throw new FormatException("A salt is 16 hex digits (8 bytes).");
        }

        return new ContentKey(key, salt);
    }

    public ReadOnlySpan<byte> Key => _key;

    /// <summary>The ISMACryp salt, or empty when the key came without one.</summary>
    public ReadOnlySpan<byte> Salt => _salt;

    public bool HasSalt => _salt is not null;

    public override string ToString() => HasSalt ? "ContentKey(***, salt ***)" : "ContentKey(***)";
}
