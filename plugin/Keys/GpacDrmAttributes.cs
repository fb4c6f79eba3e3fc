using System.Globalization;
using System.Xml;

namespace Decryptor.Keys;

/// <summary>
/// The attributes of one element of a GPAC DRM file, read by name in any letter case (GPAC
/// compares names case-insensitively), with errors that name the element and attribute.
/// </summary>
internal sealed class GpacDrmAttributes
{
    private readonly Dictionary<string, (string Name, string Value)> _values =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _sourceName;
    private readonly int _line;

    public GpacDrmAttributes(XmlReader reader, string sourceName, string element)
    {
        _sourceName = sourceName;
        _line = reader is IXmlLineInfo info ? info.LineNumber : 0;
        Element = element;

        while (reader.MoveToNextAttribute())
        {
            if (!_values.TryAdd(reader.LocalName, (reader.LocalName, reader.Value)))
            {
                throw Error(reader.LocalName, "is given twice");
            }
        }

        reader.MoveToElement();
    }

    /// <summary>How errors name the element, e.g. "CrypTrack trackID=2".</summary>
    public string Element { get; set; }

    public string? Text(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var entry) ? entry.Value.Trim() : null;
    }

    public uint? Number(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error(name, "is not a decimal number");
    }

    public int? SmallNumber(string name) => Number(name) switch
    {
        null => null,
        <= 255 and var n => (int)n,
        _ => throw Error(name, "is larger than 255"),
    };

    public bool? Flag(string name) => Text(name)?.ToUpperInvariant() switch
    {
        null => null,
        "1" or "TRUE" or "YES" => true,
        "0" or "FALSE" or "NO" => false,
        _ => throw Error(name, "is not 0, 1, true or false"),
    };

    /// <summary>Hex of exactly <paramref name="byteCount"/> bytes, or null when absent.</summary>
    public string? Hex(string name, int byteCount)
    {
        var text = Text(name);
        var problem = text is null ? null : HexText.Problem(text, byteCount);
        return problem is null ? text : throw Error(name, problem);
    }

    /// <summary>Hex of up to 16 bytes (an IV), or empty when absent.</summary>
    public ReadOnlyMemory<byte> IV(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        return HexText.TryParseVariable(text, 16)
            ?? throw Error(name, "is not 2 to 32 hex digits (an IV of 1 to 16 bytes)");
    }

    /// <summary>Attributes no one asked for, by name as written.</summary>
    public Dictionary<string, string> Unused() => _values
        .Where(pair => !_used.Contains(pair.Key))
        .ToDictionary(pair => pair.Value.Name, pair => pair.Value.Value, StringComparer.Ordinal);

    public KeyFileFormatException Error(string? attribute, string problem) =>
        new(_sourceName, _line, Element, attribute, problem);
}
