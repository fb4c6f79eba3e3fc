using System.Text;
using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `ohdr` (OMA DRM 2.1 DCF §5.2.2): how the content is encrypted and where its rights come
/// from. EncryptionMethod 0 = none, 1 = AES-128-CBC, 2 = AES-128-CTR; PaddingScheme 0 = none,
/// 1 = RFC 2630.
/// </summary>
public sealed record OmaCommonHeadersBox(
    byte EncryptionMethod,
    byte PaddingScheme,
    ulong PlaintextLength,
    string ContentId,
    string RightsIssuerUrl,
    string TextualHeaders,
    long Offset)
{
    public static readonly FourCC Type = FourCC.Parse("ohdr");

    public const byte MethodNone = 0;
    public const byte MethodAesCbc = 1;
    public const byte MethodAesCtr = 2;
    public const byte PaddingNone = 0;
    public const byte PaddingRfc2630 = 1;

    public static OmaCommonHeadersBox Parse(ref BoxDataReader reader, BoxHeader header)
    {
        reader.ReadFullBoxHeader();
        var methodAt = reader.Offset;
        var method = reader.ReadUInt8("EncryptionMethod");
        var padding = reader.ReadUInt8("PaddingScheme");
        var plaintextLength = reader.ReadUInt64("PlaintextLength");
        var contentIdLength = reader.ReadUInt16("ContentIDLength");
        var rightsIssuerLength = reader.ReadUInt16("RightsIssuerURLLength");
        var textualLength = reader.ReadUInt16("TextualHeadersLength");
        var contentId = Encoding.UTF8.GetString(reader.ReadBytes(contentIdLength, "ContentID"));
        var rightsIssuer = Encoding.UTF8.GetString(
            reader.ReadBytes(rightsIssuerLength, "RightsIssuerURL"));
        var textual = Encoding.UTF8.GetString(reader.ReadBytes(textualLength, "TextualHeaders"));
        if (method > MethodAesCtr)
        {
            throw new Mp4NotSupportedException("ohdr", methodAt, "EncryptionMethod",
                $"EncryptionMethod {method} is none of 0 (none), 1 (AES-CBC), 2 (AES-CTR)");
        }

        if (padding > PaddingRfc2630)
        {
            throw new Mp4NotSupportedException("ohdr", methodAt + 1, "PaddingScheme",
                $"PaddingScheme {padding} is neither 0 (none) nor 1 (RFC 2630)");
        }

        return new OmaCommonHeadersBox(method, padding, plaintextLength, contentId,
            rightsIssuer, textual, header.Offset);
    }
}
