namespace Decryptor.Keys;

/// <summary>
/// A provider that answers both ways. Overloads that take either kind also take this one, so
/// that passing such a provider is not ambiguous; both ways must give the same answers.
/// </summary>
public interface IHybridKeyProvider : IKeyProvider, IAsyncKeyProvider;
