namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// A decoder for one stream of an <see cref="FFmpegInput"/>: feeds packets, hands out every
/// frame, drains at the end. Errors in the data are counted, not thrown, as a player would
/// carry on; a decoder that cannot be opened is a typed exception.
/// </summary>
public sealed unsafe class FFmpegDecoder : IDisposable
{
    private readonly AVCodecContextHandle _codec;
    private readonly AVFrameHandle _frame;
    private bool _drained;

    public FFmpegDecoder(FFmpegStreamInfo stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FFmpegLibraries.EnsureLoaded();
        Stream = stream;
        var codec = Native.avcodec_find_decoder(stream.CodecId);
        if (codec == 0)
        {
            throw new FFmpegException(
                $"avcodec_find_decoder: no decoder for codec id {stream.CodecId} "
                + $"(stream {stream.Index})");
        }

        _codec = AVCodecContextHandle.Allocate(codec);
        _frame = AVFrameHandle.Allocate();
        try
        {
            var context = _codec.DangerousGetHandle();
            FFmpegError.Check(Native.avcodec_parameters_to_context(context,
                stream.CodecParameters), "avcodec_parameters_to_context");
            FFmpegError.Check(Native.avcodec_open2(context, codec, 0), "avcodec_open2");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public FFmpegStreamInfo Stream { get; }

    /// <summary>Packets or frames the decoder rejected as invalid data.</summary>
    public int DecodeErrors { get; private set; }

    /// <summary>The frame last handed to the callback; valid only during the callback.</summary>
    public DecodedFrame Frame => new(_frame.DangerousGetHandle());

    /// <summary>
    /// Sends one packet (0 drains the decoder) and calls <paramref name="onFrame"/> for every
    /// frame that comes out. Returns the number of frames.
    /// </summary>
    public int Decode(nint packet, Action<DecodedFrame> onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (packet == 0 && _drained)
        {
            return 0;
        }

        var frames = 0;
        var context = _codec.DangerousGetHandle();
        while (true)
        {
            var sent = Native.avcodec_send_packet(context, packet);

            // EAGAIN: the decoder wants its frames taken before it accepts more input.
            var received = ReceiveAll(onFrame);
            frames += received;
            if (sent == Native.AVERROR_EAGAIN && received == 0)
            {
                // It holds output yet gave none: resending would loop forever.
                DecodeErrors++;
                break;
            }

            if (sent != Native.AVERROR_EAGAIN)
            {
                if (sent < 0 && sent != Native.AVERROR_EOF)
                {
                    DecodeErrors++;
                }

                break;
            }
        }

        _drained = packet == 0;
        return frames;
    }

    /// <summary>Forgets buffered frames, as after a seek; packets are accepted again.</summary>
    public void Reset()
    {
        Native.avcodec_flush_buffers(_codec.DangerousGetHandle());
        _drained = false;
    }

    public void Dispose()
    {
        _frame.Dispose();
        _codec.Dispose();
    }

    private int ReceiveAll(Action<DecodedFrame> onFrame)
    {
        var frames = 0;
        var context = _codec.DangerousGetHandle();
        var frame = _frame.DangerousGetHandle();
        while (true)
        {
            var result = Native.avcodec_receive_frame(context, frame);
            if (result == Native.AVERROR_EAGAIN || result == Native.AVERROR_EOF)
            {
                return frames;
            }

            if (result < 0)
            {
                DecodeErrors++;
                return frames;
            }

            try
            {
                frames++;
                onFrame(new DecodedFrame(frame));
            }
            finally
            {
                Native.av_frame_unref(frame);
            }
        }
    }
}
