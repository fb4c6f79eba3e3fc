namespace Decryptor.Keys;

/// <summary>Hex text of a fixed number of bytes, as keys, KIDs and salts are written.</summary>
public static class HexBytes
{
    /// <summary>
    /// Fills <paramref name="destination"/> from hex digits; accepts a 0x prefix and ignores
    /// dashes (GUID-style KIDs). False when the digit count does not match exactly.
    /// </summary>
    public static bool TryParse(string? text, Span<byte> destination)
    {
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        var written = 0;
        var high = -1;
        foreach (var c in span)
        {
            if (c == '-')
            {
                continue;
            }

            var nibble = HexValue(c);
            if (nibble < 0 || written == destination.Length)
            {
                return false;
            }

            if (high < 0)
            {
                high = nibble;
                continue;
            }

            destination[written++] = (byte)(high << 4 | nibble);
            high = -1;
        }

        return high < 0 && written == destination.Length;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
