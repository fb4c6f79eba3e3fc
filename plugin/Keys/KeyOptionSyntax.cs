using System.Globalization;

namespace Decryptor.Keys;

/// <summary>
/// The command-line key syntax shared by every front end. Messages name the option and the
/// faulty part but never quote the value: it may hold a key.
/// </summary>
internal static class KeyOptionSyntax
{
    public const string KeyOption = "--key";
    public const string TrackKeyOption = "--track-key";

    private const string KeyForm = "KID:KEY, 32 hex digits each";
    private const string TrackKeyForm =
        "TRACK_ID:KEY[:SALT] or TRACK_ID/KEY_INDICATOR:KEY[:SALT], with a 32-hex-digit key "
        + "and a 16-hex-digit salt";

    /// <summary>Parses "KID:KEY".</summary>
    public static (KeyId KeyId, ContentKey Key) ParseKey(string? value)
    {
        var parts = Split(value, KeyOption, KeyForm, maxParts: 2);

        var kidProblem = HexText.Problem(parts[0], KeyId.Size);
        if (kidProblem is not null)
        {
            throw Fail(KeyOption, $"the KID {kidProblem}", KeyForm);
        }

        return (KeyId.Parse(parts[0]), ParseContentKey(parts[1], null, KeyOption, KeyForm));
    }

    /// <summary>Parses "TRACK_ID:KEY[:SALT]" and "TRACK_ID/KI:KEY[:SALT]".</summary>
    public static (uint TrackId, uint KeyIndicator, ContentKey Key) ParseTrackKey(string? value)
    {
        var parts = Split(value, TrackKeyOption, TrackKeyForm, maxParts: 3);

        var target = parts[0].Split('/');
        if (target.Length > 2)
        {
            throw Fail(TrackKeyOption, "the value has more than one '/'", TrackKeyForm);
        }

        var trackId = ParseNumber(target[0], "the track ID");
        if (trackId == 0)
        {
            // ISO/IEC 14496-12 §8.3.2: track_ID 0 is reserved.
            throw Fail(TrackKeyOption, "track ID 0 is not valid; track IDs start at 1",
                TrackKeyForm);
        }

        var keyIndicator = target.Length == 2 ? ParseNumber(target[1], "the key indicator") : 0;
        var salt = parts.Length == 3 ? parts[2] : null;
        return (trackId, keyIndicator,
            ParseContentKey(parts[1], salt, TrackKeyOption, TrackKeyForm));
    }

    private static string[] Split(string? value, string option, string form, int maxParts)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(option, "the value is empty", form);
        }

        var parts = value.Trim().Split(':');
        if (parts.Length == 1)
        {
            throw Fail(option, "the value has no ':' before the key", form);
        }

        if (parts.Length > maxParts)
        {
            throw Fail(option, $"the value has {parts.Length - 1} ':' separators; at most "
                + $"{maxParts - 1} are allowed", form);
        }

        return parts;
    }

    private static uint ParseNumber(string text, string what)
    {
        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw Fail(TrackKeyOption, $"{what} is not a decimal number", TrackKeyForm);
        }

        return number;
    }

    private static ContentKey ParseContentKey(
        string keyText, string? saltText, string option, string form)
    {
        var keyProblem = HexText.Problem(keyText, ContentKey.Size);
        if (keyProblem is not null)
        {
            throw Fail(option, $"the key {keyProblem}", form);
        }

        var saltProblem = saltText is null ? null : HexText.Problem(saltText, ContentKey.SaltSize);
        if (saltProblem is not null)
        {
            throw Fail(option, $"the salt {saltProblem}", form);
        }

        return ContentKey.Parse(keyText, saltText);
    }

    private static FormatException Fail(string option, string problem, string form) =>
        new($"Option {option}: {problem}. Expected {form}.");
}
