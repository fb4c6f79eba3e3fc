namespace Decryptor.IsoBmff;

/// <summary>
/// Walks the child boxes laid one after another in an in-memory container payload.
/// <paramref name="baseOffset"/> is the absolute file offset of the first byte of
/// <paramref name="payload"/>, so every header and error carries file offsets.
/// </summary>
public ref struct BoxIterator(ReadOnlySpan<byte> payload, long baseOffset, string parent)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public BoxHeader Current { get; private set; }

    /// <summary>The payload of <see cref="Current"/>.</summary>
    public readonly ReadOnlySpan<byte> CurrentPayload =>
        _payload.Slice(
            (int)(Current.PayloadOffset - baseOffset), (int)Current.PayloadSize);

    /// <summary>The whole of <see cref="Current"/>, header included.</summary>
    public readonly ReadOnlySpan<byte> CurrentBox =>
        _payload.Slice((int)(Current.Offset - baseOffset), (int)Current.Size);

    public bool MoveNext()
    {
        // A trailing run of fewer than 8 bytes is padding some muxers leave; it holds no box.
        if (_payload.Length - _position < BoxHeaderParser.MinHeaderSize)
        {
            return false;
        }

        var offset = baseOffset + _position;
        Current = BoxHeaderParser.Parse(
            _payload[_position..], offset, baseOffset + _payload.Length, parent);
        _position += (int)Current.Size;
        return true;
    }
}
