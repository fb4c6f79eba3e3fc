using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `sinf` (ISO/IEC 14496-12 §8.12.1) of a protected sample entry: the original format, the
/// scheme, and the scheme's information boxes from `schi`.
/// </summary>
public sealed record ProtectionSchemeInfoBox(
    BoxHeader Header,
    FourCC OriginalFormat,
    SchemeTypeBox SchemeType,
    TrackEncryptionBox? TrackEncryption,
    SchemeInformation Information)
{
    public static ProtectionSchemeInfoBox Parse(ReadOnlySpan<byte> payload, BoxHeader header)
    {
        FourCC? originalFormat = null;
        SchemeTypeBox? schemeType = null;
        TrackEncryptionBox? trackEncryption = null;
        var information = new SchemeInformation();
        var children = new BoxIterator(payload, header.PayloadOffset, "sinf");
        while (children.MoveNext())
        {
            var child = children.Current;
            var reader = new BoxDataReader(children.CurrentPayload, child);
            if (child.Type == BoxTypes.Frma)
            {
                originalFormat = OriginalFormatBox.ParseDataFormat(ref reader);
            }
            else if (child.Type == BoxTypes.Schm)
            {
                schemeType = SchemeTypeBox.Parse(ref reader);
            }
            else if (child.Type == BoxTypes.Schi)
            {
                trackEncryption = ParseSchemeInformation(children.CurrentPayload, child,
                    information);
            }
        }

        if (originalFormat is null)
        {
            throw new Mp4FormatException("sinf", header.Offset, "frma",
                "a protected sample entry has no 'frma' box, so its real format is unknown");
        }

        if (schemeType is null)
        {
            throw new Mp4FormatException("sinf", header.Offset, "schm",
                "a protected sample entry has no 'schm' box, so its scheme is unknown");
        }

        return new ProtectionSchemeInfoBox(header, originalFormat.Value, schemeType,
            trackEncryption, information);
    }

    private static TrackEncryptionBox? ParseSchemeInformation(
        ReadOnlySpan<byte> payload, BoxHeader header, SchemeInformation information)
    {
        TrackEncryptionBox? trackEncryption = null;
        var children = new BoxIterator(payload, header.PayloadOffset, header.Type.ToString());
        while (children.MoveNext())
        {
            var child = children.Current;
            var reader = new BoxDataReader(children.CurrentPayload, child);
            if (child.Type == IsmaSampleFormatBox.Isfm || child.Type == IsmaSampleFormatBox.Odaf)
            {
                information.SampleFormat = IsmaSampleFormatBox.Parse(ref reader, child);
            }
            else if (child.Type == IsmaSaltBox.Type)
            {
                information.Salt = IsmaSaltBox.ParseSalt(ref reader);
            }
            else if (child.Type == IsmaKeyManagementBox.Type)
            {
                information.KmsUri = IsmaKeyManagementBox.ParseKmsUri(ref reader);
            }
            else if (child.Type == OmaCommonHeadersBox.Type)
            {
                information.OmaHeaders = OmaCommonHeadersBox.Parse(ref reader, child);
            }
            else if (child.Type == SchemeTypes.OmaDrm)
            {
                // `odkm` is a full box holding `odaf` and `ohdr` (OMA DRM 2.1 DCF §5.3).
                reader.ReadFullBoxHeader();
                var odkmChildren = child with { HeaderSize = child.HeaderSize + 4 };
                ParseSchemeInformation(reader.Rest, odkmChildren, information);
            }
            else if (child.Type == BoxTypes.Tenc)
            {
                trackEncryption = TrackEncryptionBox.Parse(ref reader, isPiff: false);
            }
            else if (child.IsUuid(PiffUuids.TrackEncryption))
            {
                // A file may carry both; the standard box wins.
                trackEncryption ??= TrackEncryptionBox.Parse(ref reader, isPiff: true);
            }
        }

        return trackEncryption;
    }
}
