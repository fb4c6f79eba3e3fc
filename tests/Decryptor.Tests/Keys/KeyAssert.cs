using Decryptor.Keys;
using NUnit.Framework;

namespace Decryptor.Tests.Keys;

/// <summary>Assertions shared by the key tests.</summary>
internal static class KeyAssert
{
    public static void HasBytes(ContentKey actual, string keyHex, string? saltHex = null)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Key.ToArray(), Is.EqualTo(Convert.FromHexString(keyHex)), "key");
            Assert.That(
                actual.Salt.ToArray(),
                Is.EqualTo(saltHex is null ? [] : Convert.FromHexString(saltHex)),
                "salt");
        }
    }

    /// <summary>
    /// <paramref name="text"/> quotes none of the secrets, in any case and with or without 0x.
    /// Short fragments are ignored: a few hex digits also occur in ordinary text.
    /// </summary>
    public static void Conceals(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            var bare = secret is null ? "" : secret.Trim();
            if (bare.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                bare = bare[2..];
            }

            if (bare.Length >= 8)
            {
                Assert.That(text, Does.Not.Contain(bare).IgnoreCase, "secret text leaked");
            }
        }
    }
}
