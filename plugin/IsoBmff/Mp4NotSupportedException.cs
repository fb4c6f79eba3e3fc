namespace Decryptor.IsoBmff;

/// <summary>
/// The input is well-formed but uses a feature this library does not implement (a scheme, a box
/// version, a layout). Says which box, where, and which value.
/// </summary>
public class Mp4NotSupportedException : NotSupportedException
{
    public Mp4NotSupportedException(string box, long offset, string? field, string problem)
        : base(Mp4FormatException.Describe("Unsupported", box, offset, field, problem))
    {
        Box = box;
        Offset = offset;
        Field = field;
    }

    public Mp4NotSupportedException()
    {
        Box = string.Empty;
    }

    public Mp4NotSupportedException(string message)
        : base(message)
    {
        Box = string.Empty;
    }

    public Mp4NotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Box = string.Empty;
    }

    public string Box { get; }

    public long Offset { get; }

    public string? Field { get; }
}
