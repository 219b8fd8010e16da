using System.Globalization;
using System.Text;

namespace FitCoach.Domain.Profiles;

/// <summary>
/// The name a user may choose to show with their entries on the public leaderboards. Everyone who reads a board sees
/// it, so it is held to a narrow alphabet: letters (with their combining marks), digits, spaces and <c>. - _ '</c>.
/// That keeps out line breaks and other control characters (log and display forging), format characters such as
/// zero-width spaces and bidi overrides (names that look like someone else's or reverse the text around them), and
/// <c>@</c>, so nobody shows an e-mail address, their own or anyone's.
/// </summary>
public static class DisplayNames
{
    public const int MinLength = 2;

    public const int MaxLength = 32;

    /// <summary>Combining marks in a row after one letter: enough for real scripts, too few to stack "Zalgo" text.</summary>
    public const int MaxMarksInARow = 2;

    private const string Punctuation = ".-_'";

    /// <summary>
    /// Hangul fillers: letters to Unicode, blank on screen, so "Alice" and "Alice" plus a filler would look the same
    /// and a name of fillers alone would show as nothing.
    /// </summary>
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0];

    private const string NotUnicode = "displayName is not valid Unicode text.";

    /// <summary>
    /// The form a name is stored and compared in: Unicode NFC, without surrounding white space. NFC needs the
    /// runtime's Unicode data (ICU); in globalization-invariant mode, which this solution builds with
    /// (<c>InvariantGlobalization</c> in Directory.Build.props), .NET leaves non-ASCII text as it is, so a name typed
    /// decomposed (<c>e</c> + U+0301) is kept and counted as sent, its marks included. The rules below hold either way.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>Why <paramref name="name"/> (as the user sent it) cannot be shown, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string normalized;
        try
        {
            normalized = Normalize(name);
        }
        catch (ArgumentException)
        {
            // With ICU, text holding a lone surrogate cannot be normalized.
            return NotUnicode;
        }

        if (normalized.Contains('@', StringComparison.Ordinal))
        {
            return "displayName must not contain '@' (no e-mail addresses on public boards).";
        }

        var length = 0;
        var marksInARow = 0;
        var afterLetter = false;
        var hasLetterOrDigit = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            length++;
            if (rune == Rune.ReplacementChar)
            {
                // What a lone surrogate decodes to (and a replacement character is nobody's name either).
                return NotUnicode;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // A mark belongs to the letter before it; a run of them is how stacked "Zalgo" text is built.
                if (++marksInARow > MaxMarksInARow || !afterLetter)
                {
                    return "displayName has combining marks that belong to no letter.";
                }

                continue;
            }

            marksInARow = 0;
            afterLetter = Rune.IsLetter(rune);
            if (BlankLetters.Contains(rune.Value))
            {
                return "displayName must not contain characters that show as blank space.";
            }

            if (Rune.IsLetter(rune) || Rune.IsDigit(rune))
            {
                hasLetterOrDigit = true;
            }
            else if (!rune.IsAscii || (rune.Value != ' ' && !Punctuation.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                return "displayName may hold only letters, digits, spaces and . - _ ' (no control, format or other characters).";
            }
        }

        if (length is < MinLength or > MaxLength)
        {
            return $"displayName must be {MinLength} to {MaxLength} characters long.";
        }

        return hasLetterOrDigit ? null : "displayName must contain a letter or a digit.";
    }
}
