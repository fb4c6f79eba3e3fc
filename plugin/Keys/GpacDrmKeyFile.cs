using System.Xml;
using Decryptor.IsoBmff;

namespace Decryptor.Keys;

/// <summary>
/// A GPAC DRM key file (the `GPACDRM` XML that `MP4Box -crypt` reads): a root with a `type` and
/// one `CrypTrack` per track, whose `key` children hold KID/key pairs (CENC family) or whose
/// own `key`/`salt` attributes hold the track key (ISMACryp, OMA).
/// </summary>
public sealed class GpacDrmKeyFile
{
    private GpacDrmKeyFile(string type, IReadOnlyList<GpacDrmTrack> tracks)
    {
        Type = type;
        Tracks = tracks;
    }

    /// <summary>The root's `type`, e.g. "CENC AES-CTR", "ISMA"; empty when absent.</summary>
    public string Type { get; }

    public IReadOnlyList<GpacDrmTrack> Tracks { get; }

    /// <summary>The scheme four-CC that <see cref="Type"/> names, or null if unknown.</summary>
    public FourCC? Scheme => Type.Trim().ToUpperInvariant() switch
    {
        "CENC AES-CTR" or "CENC" => FourCC.Parse("cenc"),
        "CENC AES-CBC" or "CBC1" => FourCC.Parse("cbc1"),
        "CENC AES-CTR PATTERN" or "CENS" => FourCC.Parse("cens"),
        "CENC AES-CBC PATTERN" or "CBCS" => FourCC.Parse("cbcs"),
        "PIFF" => FourCC.Parse("piff"),
        "ISMA" => FourCC.Parse("iAEC"),
        "OMA" => FourCC.Parse("odkm"),
        "ADOBE" => FourCC.Parse("adkm"),
        _ => null,
    };

    /// <exception cref="KeyFileFormatException">The file is malformed.</exception>
    public static GpacDrmKeyFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <param name="xml">The XML; left open.</param>
    /// <param name="sourceName">Names the source in error messages, e.g. the file path.</param>
    /// <exception cref="KeyFileFormatException">The XML is malformed.</exception>
    public static GpacDrmKeyFile Parse(Stream xml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // Key files come from users: no DTD, no external entities.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(xml, settings);
        try
        {
            return Read(reader, sourceName);
        }
        catch (XmlException e)
        {
            // XmlException messages may quote the offending token, which may be key text.
            throw new KeyFileFormatException(
                sourceName, e.LineNumber, null, null,
                $"is not well-formed XML or holds a DTD (position {e.LinePosition})");
        }
    }

    /// <summary>
    /// A provider holding every key of the file: KID keys by KID, track keys (with salt) by
    /// track, and OMA track keys also by content ID.
    /// </summary>
    public StaticKeyProvider ToKeyProvider()
    {
        var provider = new StaticKeyProvider();
        foreach (var track in Tracks)
        {
            foreach (var key in track.Keys)
            {
                provider.AddKey(key.KeyId, key.Key);
            }

            if (track.TrackKey is null)
            {
                continue;
            }

            provider.AddTrackKey(track.TrackId, track.TrackKey);
            if (!string.IsNullOrEmpty(track.ContentId))
            {
                provider.AddContentIdKey(track.ContentId, track.TrackKey);
            }
        }

        return provider;
    }

    private static GpacDrmKeyFile Read(XmlReader reader, string sourceName)
    {
        reader.MoveToContent();
        if (!IsNamed(reader, "GPACDRM"))
        {
            throw new KeyFileFormatException(
                sourceName, LineOf(reader), null, null, "has no GPACDRM root element");
        }

        var type = new GpacDrmAttributes(reader, sourceName, "GPACDRM").Text("type") ?? "";

        var tracks = new List<GpacDrmTrack>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1
                && IsNamed(reader, "CrypTrack"))
            {
                tracks.Add(GpacDrmTrackReader.Read(reader, sourceName, tracks.Count + 1));
            }
        }

        return new GpacDrmKeyFile(type, tracks);
    }

    internal static bool IsNamed(XmlReader reader, string name) =>
        string.Equals(reader.LocalName, name, StringComparison.OrdinalIgnoreCase);

    internal static int LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info ? info.LineNumber : 0;
}
