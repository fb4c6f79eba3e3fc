using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Interop.FFmpeg;
using Decryptor.Keys;
using Decryptor.Output;
using Microsoft.Extensions.Logging;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// A protected (or clear) MP4 opened for FFmpeg: index, sample decryptor, clear view and the
/// FFmpeg input reading that view, disposed together in reverse order.
/// </summary>
public sealed class ProtectedInput : IDisposable
{
    private readonly MovieIndex _index;
    private readonly SampleDecryptor _decryptor;
    private readonly Stream _view;

    private ProtectedInput(MovieIndex index, SampleDecryptor decryptor, Stream view,
        FFmpegInput input)
    {
        (_index, _decryptor, _view, Input) = (index, decryptor, view, input);
    }

    public FFmpegInput Input { get; }

    /// <summary>Takes ownership of <paramref name="index"/>, also when opening fails.</summary>
    public static ProtectedInput Open(MovieIndex index, KeyResolver keys, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(index);
        SampleDecryptor? decryptor = null;
        Stream? view = null;
        try
        {
            decryptor = new SampleDecryptor(index, keys, logger);
            view = ClearMovieView.Open(index, decryptor);
            var input = FFmpegInput.Open(view);
            return new ProtectedInput(index, decryptor, view, input);
        }
        catch
        {
            view?.Dispose();
            decryptor?.Dispose();
            index.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Input.Dispose();
        _view.Dispose();
        _decryptor.Dispose();
        _index.Dispose();
    }
}
