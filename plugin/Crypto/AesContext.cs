using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using SoftwareAes = System.Security.Cryptography.Aes;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Decryptor.Crypto;

/// <summary>
/// An AES-128 key ready for the cipher kernels: expanded encryption and decryption round keys
/// on AES-NI, otherwise one <see cref="SoftwareAes"/> object made once for this key.
/// </summary>
/// <remarks>
/// Use an instance from one thread at a time: the software path shares a scratch buffer
/// between calls. Key bytes never appear in <see cref="ToString"/> or exception messages.
/// <see cref="Dispose"/> zeroes the round keys.
/// </remarks>
public sealed class AesContext : IDisposable
{
    public const int KeySize = 16;
    public const int BlockSize = 16;

    // Two halves: counter or cipher blocks in, ECB output out (no aliasing in one-shot calls).
    internal const int ScratchBlocks = 256;

    private readonly Vector128<byte>[]? _encryptKeys;
    private readonly Vector128<byte>[]? _decryptKeys;
    private readonly SoftwareAes? _software;
    private readonly byte[]? _scratch;
    private bool _disposed;

    public AesContext(ReadOnlySpan<byte> key)
        : this(key, forceSoftware: false)
    {
    }

    /// <summary>Tests and benchmarks force the software path with this constructor.</summary>
    internal AesContext(ReadOnlySpan<byte> key, bool forceSoftware)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException(
                $"An AES-128 key is {KeySize} bytes, not {key.Length}.", nameof(key));
        }

        if (IsHardwareAccelerated && !forceSoftware)
        {
            // Pinned so that a compacting GC never leaves stray copies of the round keys.
            _encryptKeys = GC.AllocateArray<Vector128<byte>>(
                AesKeySchedule.RoundKeyCount, pinned: true);
            _decryptKeys = GC.AllocateArray<Vector128<byte>>(
                AesKeySchedule.RoundKeyCount, pinned: true);
            AesKeySchedule.Expand(key, _encryptKeys, _decryptKeys);
            return;
        }

        _software = SoftwareAes.Create();
        _software.SetKey(key);
        _scratch = GC.AllocateArray<byte>(2 * ScratchBlocks * BlockSize, pinned: true);
    }

    /// <summary>True when AES-NI is available, so new contexts use the hardware path.</summary>
    public static bool IsHardwareAccelerated => X86Aes.IsSupported;

    /// <summary>True when this context runs on AES-NI.</summary>
    public bool UsesHardware => _encryptKeys is not null;

    internal ReadOnlySpan<Vector128<byte>> EncryptKeys
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _encryptKeys;
        }
    }

    internal ReadOnlySpan<Vector128<byte>> DecryptKeys
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _decryptKeys;
        }
    }

    internal SoftwareAes Software
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _software!;
        }
    }

    internal Span<byte> Scratch => _scratch;

    /// <summary>For tests: no round key material is left in memory.</summary>
    internal bool IsCleared =>
        (_encryptKeys ?? []).All(k => k == default) && (_decryptKeys ?? []).All(k => k == default);

    /// <summary>Encrypts one block (the raw AES permutation), for counters and tests.</summary>
    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckBlock(input.Length, nameof(input));
        CheckBlock(output.Length, nameof(output));

        if (UsesHardware)
        {
            EncryptBlock(Vector128.Create(input)).CopyTo(output);
            return;
        }

        Software.EncryptEcb(input[..BlockSize], output, PaddingMode.None);
    }

    /// <summary>One AES-NI block encryption; only valid when <see cref="UsesHardware"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        var keys = EncryptKeys;
        block ^= keys[0];
        for (var r = 1; r < AesKeySchedule.RoundKeyCount - 1; r++)
        {
            block = X86Aes.Encrypt(block, keys[r]);
        }

        return X86Aes.EncryptLast(block, keys[AesKeySchedule.RoundKeyCount - 1]);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_encryptKeys is not null)
        {
            Array.Clear(_encryptKeys);
        }

        if (_decryptKeys is not null)
        {
            Array.Clear(_decryptKeys);
        }

        if (_scratch is not null)
        {
            CryptographicOperations.ZeroMemory(_scratch);
        }

        // SymmetricAlgorithm.Dispose zeroes its own copy of the key.
        _software?.Dispose();
    }

    public override string ToString() =>
        UsesHardware ? "AesContext(AES-128, AES-NI, key ***)" : "AesContext(AES-128, key ***)";

    private static void CheckBlock(int length, string name)
    {
        if (length < BlockSize)
        {
            throw new ArgumentException($"An AES block is {BlockSize} bytes.", name);
        }
    }
}
