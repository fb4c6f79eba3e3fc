using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// Where a rewritten `moov` moves the rest of the file: bytes before the old `moov` keep their
/// offsets, bytes after it move by <see cref="Delta"/>, the new size minus the old one.
/// </summary>
/// <param name="Old">The `moov` box of the original file.</param>
/// <param name="NewSize">The size of the `moov` that replaces it.</param>
internal readonly record struct MovedMovieBox(BoxHeader Old, long NewSize)
{
    public long Delta => NewSize - Old.Size;

    /// <summary>Where the new `moov` ends in the view.</summary>
    public long NewEnd => Old.Offset + NewSize;

    /// <summary>Maps an offset of the original file (outside the old `moov`) to the view.</summary>
    public long Map(long offset) => offset >= Old.End ? offset + Delta : offset;

    /// <summary>
    /// Whether <paramref name="size"/> bytes at <paramref name="offset"/> touch the old `moov`.
    /// </summary>
    public bool Overlaps(long offset, long size) =>
        size > 0 && offset < Old.End && offset + size > Old.Offset;

    /// <summary>Whether a patch at <paramref name="offset"/> lies inside the old `moov`.</summary>
    public bool Contains(long offset) => offset >= Old.Offset && offset < Old.End;
}
