using Decryptor.IsoBmff;

namespace Decryptor.Tests.Boxes;

/// <summary>Parses one hand-written box as if it sat at a given file offset.</summary>
internal static class BoxParsing
{
    public delegate T ParseFn<out T>(ref BoxDataReader reader);

    /// <summary>The file offset the boxes of these tests pretend to start at.</summary>
    public const long At = 1000;

    public static BoxHeader Header(byte[] box, long offset = At) =>
        BoxHeaderParser.Parse(box, offset, offset + box.Length, "test");

    public static T Parse<T>(byte[] box, ParseFn<T> parse, long offset = At)
    {
        var header = Header(box, offset);
        var reader = new BoxDataReader(box.AsSpan(header.HeaderSize), header);
        var result = parse(ref reader);
        return result;
    }

    /// <summary>Parses and also says how many payload bytes the parser left unread.</summary>
    public static (T Value, int Remaining) ParseAll<T>(byte[] box, ParseFn<T> parse,
        long offset = At)
    {
        var header = Header(box, offset);
        var reader = new BoxDataReader(box.AsSpan(header.HeaderSize), header);
        var result = parse(ref reader);
        return (result, reader.Remaining);
    }
}
