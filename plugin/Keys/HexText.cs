namespace Decryptor.Keys;

/// <summary>
/// Says what is wrong with hex text that should hold key material, without quoting it: the
/// text may be a mistyped secret, so only its digit count is ever reported.
/// </summary>
internal static class HexText
{
    /// <summary>Null when the text holds exactly that many bytes, else what is wrong.</summary>
    public static string? Problem(string? text, int byteCount)
    {
        var expected = $"{byteCount * 2} hex digits ({byteCount} bytes)";
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"is empty; expected {expected}";
        }

        Span<byte> scratch = stackalloc byte[byteCount];
        if (HexBytes.TryParse(text, scratch))
        {
            return null;
        }

        var digits = Digits(text);
        return digits < 0
            ? $"contains a character that is not a hex digit; expected {expected}"
            : $"has {digits} hex digits; expected {expected}";
    }

    /// <summary>Bytes of hex text of any even length up to <paramref name="maxBytes"/>.</summary>
    public static byte[]? TryParseVariable(string? text, int maxBytes)
    {
        var digits = Digits(text);
        if (digits <= 0 || digits % 2 != 0 || digits / 2 > maxBytes)
        {
            return null;
        }

        var bytes = new byte[digits / 2];
        return HexBytes.TryParse(text, bytes) ? bytes : null;
    }

    /// <summary>Digits as <see cref="HexBytes.TryParse"/> counts them; -1 on a non-digit.</summary>
    private static int Digits(string? text)
    {
        var span = (text ?? "").AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        var count = 0;
        foreach (var c in span)
        {
            if (c == '-')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return -1;
            }

            count++;
        }

        return count;
    }
}
