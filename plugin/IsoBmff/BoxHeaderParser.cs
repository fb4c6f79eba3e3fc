using System.Buffers.Binary;

namespace Decryptor.IsoBmff;

/// <summary>
/// Decodes box headers (ISO/IEC 14496-12 §4.2) and checks them against the parent.
/// </summary>
public static class BoxHeaderParser
{
    /// <summary>The longest header: size, type, largesize, extended type.</summary>
    public const int MaxHeaderSize = 32;

    public const int MinHeaderSize = 8;

    /// <summary>
    /// Parses the header in <paramref name="bytes"/> (which may hold less than
    /// <see cref="MaxHeaderSize"/> bytes near the end of a container) of a box that starts at
    /// absolute <paramref name="offset"/> inside a container ending at <paramref name="end"/>.
    /// </summary>
    public static BoxHeader Parse(ReadOnlySpan<byte> bytes, long offset, long end, string parent)
    {
        var left = end - offset;
        if (left < MinHeaderSize || bytes.Length < MinHeaderSize)
        {
            throw new Mp4FormatException(parent, offset, "size",
                $"{left} bytes left in the container, too few for a box header");
        }

        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var type = FourCC.Read(bytes[4..]);
        var headerSize = MinHeaderSize;
        if (size == 1)
        {
            if (bytes.Length < 16 || left < 16)
            {
                throw new Mp4FormatException(type.ToString(), offset, "largesize",
                    "the 64-bit size is cut off");
            }

            var largeSize = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
            if (largeSize > long.MaxValue)
            {
                throw new Mp4FormatException(type.ToString(), offset + 8, "largesize",
                    $"size {largeSize} is beyond any file");
            }

            size = (long)largeSize;
            headerSize = 16;
        }
        else if (size == 0)
        {
            // §4.2: size 0 means the box extends to the end of the file (or container).
            size = left;
        }

        Uuid? extendedType = null;
        if (type == BoxTypes.Uuid)
        {
            if (bytes.Length < headerSize + Uuid.Size || left < headerSize + Uuid.Size)
            {
                throw new Mp4FormatException("uuid", offset, "usertype",
                    "the extended type is cut off");
            }

            extendedType = Uuid.Read(bytes[headerSize..]);
            headerSize += Uuid.Size;
        }

        if (size < headerSize)
        {
            throw new Mp4FormatException(type.ToString(), offset, "size",
                $"size {size} is smaller than its own {headerSize}-byte header");
        }

        if (size > left)
        {
            throw new Mp4FormatException(type.ToString(), offset, "size",
                $"size {size} runs {size - left} bytes past the end of '{parent}'");
        }

        return new BoxHeader(type, offset, size, headerSize, extendedType);
    }
}
