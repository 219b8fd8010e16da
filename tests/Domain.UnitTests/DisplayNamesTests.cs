using FitCoach.Domain.Profiles;
using Xunit;

namespace FitCoach.Domain.UnitTests;

public sealed class DisplayNamesTests
{
    [Theory]
    [InlineData("Carol S")]
    [InlineData("Jo")]
    [InlineData("O'Brien-Smith Jr.")]
    [InlineData("lift_2_live")]
    [InlineData("Zoë")]
    [InlineData("José Müller")]
    [InlineData("Анна К")]
    [InlineData("山田太郎")]
    [InlineData("प्रिया")]
    [InlineData("  padded name  ")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Problem_ForANameOfLettersDigitsSpacesAndAFewMarks_IsNone(string name) =>
        Assert.Null(DisplayNames.Problem(name));

    [Theory]
    [InlineData("a@b.com", "@")]
    [InlineData("x", "2 to 32")]
    [InlineData("   x   ", "2 to 32")]
    [InlineData("", "2 to 32")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "2 to 32")]
    [InlineData("bad\nname", "only letters")]
    [InlineData("bad\rname", "only letters")]
    [InlineData("bad\tname", "only letters")]
    [InlineData("zero\u200Bwidth", "only letters")]
    [InlineData("joiner\u200Dname", "only letters")]
    [InlineData("\u202Eevil", "only letters")]
    [InlineData("rtl\u2067isolate", "only letters")]
    [InlineData("no\u00A0break", "only letters")]
    [InlineData("<script>", "only letters")]
    [InlineData("emoji \U0001F600", "only letters")]
    [InlineData("Alice\u3164", "blank")]
    [InlineData("\u3164\u3164", "blank")]
    [InlineData("Bob\uFFA0", "blank")]
    [InlineData("7\u0301up", "belong to no letter")]
    [InlineData("a \u0301b", "belong to no letter")]
    [InlineData("...", "letter or a digit")]
    [InlineData("- _ '", "letter or a digit")]
    [InlineData("q\u0301\u0302\u0303alg", "combining marks")]
    [InlineData("\u0301ab", "combining marks")]
    public void Problem_ForANameOutsideTheRules_SaysWhy(string name, string reason)
    {
        var problem = DisplayNames.Problem(name);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.StartsWith("displayName", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_ForALoneSurrogate_SaysTheTextIsNotUnicode()
    {
        Assert.Contains("valid Unicode", DisplayNames.Problem("lone\uD800surrogate"), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_TrimsAndKeepsTheName()
    {
        Assert.Equal("Zoë K", DisplayNames.Normalize("  Zoë K \t"));
    }

    [Fact]
    public void Problem_ForADecomposedLetter_AcceptsItsMark_AndCountsTheNameWithinTheLimit()
    {
        // "Zoe" + a combining diaeresis: one mark after a letter, whether or not the runtime composes it (see Normalize).
        Assert.Null(DisplayNames.Problem("Zoe\u0308"));
        Assert.True(DisplayNames.Normalize(string.Concat(Enumerable.Repeat("e\u0301", 16))).EnumerateRunes().Count() <= DisplayNames.MaxLength);
        Assert.Null(DisplayNames.Problem(string.Concat(Enumerable.Repeat("e\u0301", 16))));
    }
}
