using System.Globalization;
using System.Xml;

namespace Decryptor.Keys;

/// <summary>Reads one `CrypTrack` element and its `key` children.</summary>
internal static class GpacDrmTrackReader
{
    public static GpacDrmTrack Read(XmlReader reader, string sourceName, int ordinal)
    {
        var unnamed = string.Create(CultureInfo.InvariantCulture, $"CrypTrack #{ordinal}");
        var attributes = new GpacDrmAttributes(reader, sourceName, unnamed);

        var trackId = attributes.Number("trackID")
            ?? throw attributes.Error("trackID", "is missing");
        if (trackId == 0)
        {
            // ISO/IEC 14496-12 §8.3.2: track_ID 0 is reserved.
            throw attributes.Error("trackID", "is 0; track IDs start at 1");
        }

        attributes.Element =
            string.Create(CultureInfo.InvariantCulture, $"CrypTrack trackID={trackId}");
        var keys = ReadKeys(reader, sourceName, attributes.Element);

        var keyHex = attributes.Hex("key", ContentKey.Size);
        var saltHex = attributes.Hex("salt", ContentKey.SaltSize);
        return new GpacDrmTrack(trackId, keys)
        {
            TrackKey = keyHex is null ? null : ContentKey.Parse(keyHex, saltHex),
            IsEncrypted = attributes.Flag("IsEncrypted") ?? true,
            IVSize = attributes.SmallNumber("IV_size"),
            FirstIV = attributes.IV("first_IV"),
            ConstantIVSize = attributes.SmallNumber("constant_IV_size"),
            ConstantIV = attributes.IV("constant_IV"),
            CryptByteBlock = attributes.SmallNumber("crypt_byte_block"),
            SkipByteBlock = attributes.SmallNumber("skip_byte_block"),
            SelectiveType = attributes.Text("selectiveType"),
            KeyRoll = attributes.Text("keyRoll"),
            KmsUri = attributes.Text("kms_URI"),
            ContentId = attributes.Text("contentID"),
            RightsIssuerUrl = attributes.Text("rightsIssuerURL"),
            OtherAttributes = attributes.Unused(),
        };
    }

    /// <summary>Reads the children of the current `CrypTrack`, leaving it at its end.</summary>
    private static List<GpacDrmKey> ReadKeys(XmlReader reader, string sourceName, string track)
    {
        var keys = new List<GpacDrmKey>();
        if (reader.IsEmptyElement)
        {
            return keys;
        }

        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                && GpacDrmKeyFile.IsNamed(reader, "key"))
            {
                var element = string.Create(
                    CultureInfo.InvariantCulture, $"key #{keys.Count + 1} of {track}");
                keys.Add(ReadKey(new GpacDrmAttributes(reader, sourceName, element)));
            }
        }

        return keys;
    }

    private static GpacDrmKey ReadKey(GpacDrmAttributes attributes)
    {
        var kid = attributes.Hex("KID", KeyId.Size) ?? throw attributes.Error("KID", "is missing");
        var value = attributes.Hex("value", ContentKey.Size)
            ?? throw attributes.Error("value", "is missing");
        return new GpacDrmKey(KeyId.Parse(kid), ContentKey.Parse(value));
    }
}
