using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`hdlr` (ISO/IEC 14496-12 §8.4.3): what kind of media the track holds.</summary>
public sealed record HandlerBox(FourCC HandlerType, string Name)
{
    public static readonly FourCC Video = FourCC.Parse("vide");
    public static readonly FourCC Sound = FourCC.Parse("soun");

    public static HandlerBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        reader.ReadUInt32("pre_defined");
        var handlerType = reader.ReadFourCC("handler_type");
        reader.Skip(12, "reserved");
        var name = reader.ReadNullTerminatedString("name");
        return new HandlerBox(handlerType, name);
    }
}
