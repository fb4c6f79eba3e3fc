namespace Decryptor.Crypto;

/// <summary>
/// The protection schemes of ISO/IEC 23001-7 §10. PIFF AlgorithmID 1 (CTR) behaves as
/// <see cref="Cenc"/> and AlgorithmID 2 (CBC) as <see cref="Cbc1"/>.
/// </summary>
public enum CencCipher
{
    /// <summary>AES-CTR, 64-bit counter, no pattern (§10.1).</summary>
    Cenc,

    /// <summary>AES-CBC over whole blocks, chain continues across ranges (§10.2).</summary>
    Cbc1,

    /// <summary>AES-CTR with a crypt:skip pattern (§10.3).</summary>
    Cens,

    /// <summary>AES-CBC with a pattern and the IV reset per subsample (§10.4).</summary>
    Cbcs,
}
