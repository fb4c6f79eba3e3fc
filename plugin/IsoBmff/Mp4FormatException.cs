namespace Decryptor.IsoBmff;

/// <summary>
/// The input is not a well-formed ISO-BMFF file: a size, count or field contradicts the box it
/// is in. Carries the box path, the absolute byte offset and the field where the problem is.
/// </summary>
public class Mp4FormatException : FormatException
{
    public Mp4FormatException(string box, long offset, string? field, string problem)
        : base(Describe("Malformed", box, offset, field, problem))
    {
        Box = box;
        Offset = offset;
        Field = field;
    }

    public Mp4FormatException()
    {
        Box = string.Empty;
    }

    public Mp4FormatException(string message)
        : base(message)
    {
        Box = string.Empty;
    }

    public Mp4FormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Box = string.Empty;
    }

    /// <summary>The box (or box path) that holds the problem, e.g. "moov/trak/mdia/stsz".</summary>
    public string Box { get; }

    /// <summary>Absolute byte offset in the file of the offending field or box.</summary>
    public long Offset { get; }

    /// <summary>The spec's name of the offending field, when one is to blame.</summary>
    public string? Field { get; }

    internal static string Describe(
        string kind, string box, long offset, string? field, string problem) =>
        field is null
            ? $"{kind} '{box}' box at byte {offset}: {problem}"
            : $"{kind} '{box}' box, field {field} at byte {offset}: {problem}";
}
