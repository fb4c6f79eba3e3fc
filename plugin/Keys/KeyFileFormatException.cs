namespace Decryptor.Keys;

/// <summary>
/// A key file is malformed. The message names the file, line, element and attribute, and never
/// quotes attribute values, which may be keys.
/// </summary>
public sealed class KeyFileFormatException : FormatException
{
    public KeyFileFormatException()
        : base("The key file is malformed.")
    {
    }

    public KeyFileFormatException(string message)
        : base(message)
    {
    }

    public KeyFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="sourceName">File name or other name of the source.</param>
    /// <param name="lineNumber">1-based line, or 0 when unknown.</param>
    /// <param name="element">Element in error, e.g. "CrypTrack trackID=2", or null.</param>
    /// <param name="attribute">Attribute in error, or null.</param>
    /// <param name="problem">What is wrong, without the value.</param>
    public KeyFileFormatException(
        string sourceName, int lineNumber, string? element, string? attribute, string problem)
        : base(Describe(sourceName, lineNumber, element, attribute, problem))
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Element = element;
        Attribute = attribute;
    }

    public string? SourceName { get; }

    /// <summary>1-based line of the error, or 0 when unknown.</summary>
    public int LineNumber { get; }

    public string? Element { get; }

    public string? Attribute { get; }

    private static string Describe(
        string sourceName, int lineNumber, string? element, string? attribute, string problem)
    {
        var where = lineNumber > 0 ? $"{sourceName}, line {lineNumber}" : sourceName;
        var what = (element, attribute) switch
        {
            (null, null) => "",
            (null, _) => $"attribute {attribute} ",
            (_, null) => $"{element}: ",
            _ => $"{element}: attribute {attribute} ",
        };
        return $"{where}: {what}{problem}.";
    }
}
