namespace Decryptor.IsoBmff;

/// <summary>Box four-CCs, named as in ISO/IEC 14496-12, 23001-7 and the other specs used.</summary>
public static class BoxTypes
{
    public static readonly FourCC Uuid = FourCC.Parse("uuid");
    public static readonly FourCC Free = FourCC.Parse("free");
    public static readonly FourCC Skip = FourCC.Parse("skip");
    public static readonly FourCC Ftyp = FourCC.Parse("ftyp");
    public static readonly FourCC Styp = FourCC.Parse("styp");
    public static readonly FourCC Mdat = FourCC.Parse("mdat");
    public static readonly FourCC Moov = FourCC.Parse("moov");
    public static readonly FourCC Mvhd = FourCC.Parse("mvhd");
    public static readonly FourCC Trak = FourCC.Parse("trak");
    public static readonly FourCC Tkhd = FourCC.Parse("tkhd");
    public static readonly FourCC Mdia = FourCC.Parse("mdia");
    public static readonly FourCC Mdhd = FourCC.Parse("mdhd");
    public static readonly FourCC Hdlr = FourCC.Parse("hdlr");
    public static readonly FourCC Minf = FourCC.Parse("minf");
    public static readonly FourCC Stbl = FourCC.Parse("stbl");
    public static readonly FourCC Stsd = FourCC.Parse("stsd");
    public static readonly FourCC Stsz = FourCC.Parse("stsz");
    public static readonly FourCC Stz2 = FourCC.Parse("stz2");
    public static readonly FourCC Stsc = FourCC.Parse("stsc");
    public static readonly FourCC Stco = FourCC.Parse("stco");
    public static readonly FourCC Co64 = FourCC.Parse("co64");
    public static readonly FourCC Stts = FourCC.Parse("stts");
    public static readonly FourCC Ctts = FourCC.Parse("ctts");
    public static readonly FourCC Stss = FourCC.Parse("stss");
    public static readonly FourCC Mvex = FourCC.Parse("mvex");
    public static readonly FourCC Trex = FourCC.Parse("trex");
    public static readonly FourCC Moof = FourCC.Parse("moof");
    public static readonly FourCC Mfhd = FourCC.Parse("mfhd");
    public static readonly FourCC Traf = FourCC.Parse("traf");
    public static readonly FourCC Tfhd = FourCC.Parse("tfhd");
    public static readonly FourCC Tfdt = FourCC.Parse("tfdt");
    public static readonly FourCC Trun = FourCC.Parse("trun");
    public static readonly FourCC Sidx = FourCC.Parse("sidx");
    public static readonly FourCC Mfra = FourCC.Parse("mfra");
    public static readonly FourCC Tfra = FourCC.Parse("tfra");
    public static readonly FourCC Mfro = FourCC.Parse("mfro");
    public static readonly FourCC Sinf = FourCC.Parse("sinf");
    public static readonly FourCC Frma = FourCC.Parse("frma");
    public static readonly FourCC Schm = FourCC.Parse("schm");
    public static readonly FourCC Schi = FourCC.Parse("schi");
    public static readonly FourCC Tenc = FourCC.Parse("tenc");
    public static readonly FourCC Pssh = FourCC.Parse("pssh");
    public static readonly FourCC Senc = FourCC.Parse("senc");
    public static readonly FourCC Saiz = FourCC.Parse("saiz");
    public static readonly FourCC Saio = FourCC.Parse("saio");
    public static readonly FourCC Sbgp = FourCC.Parse("sbgp");
    public static readonly FourCC Sgpd = FourCC.Parse("sgpd");
    public static readonly FourCC Edts = FourCC.Parse("edts");
    public static readonly FourCC Dinf = FourCC.Parse("dinf");
    public static readonly FourCC Udta = FourCC.Parse("udta");
    public static readonly FourCC Meta = FourCC.Parse("meta");
}
