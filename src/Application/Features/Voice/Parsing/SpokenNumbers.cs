namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Turns numbers said in words into number tokens: "three", "twenty-five", "a hundred and eighty five",
/// "sixty two and a half", "eight point five", "a minute" (one), and the gym habit of saying loads in pairs of digits,
/// "two twenty five" (225) or "four oh five" (405), which is read that way only where a load is expected.
/// </summary>
internal static class SpokenNumbers
{
    private const int Hundred = 100;
    private const int Thousand = 1000;
    private const double HalfValue = 0.5;

    /// <summary>The text of a number said as "once", "twice" or "thrice": a count of sets, never of reps.</summary>
    public const string RepeatText = "repeat";

    public static List<Token> Merge(List<Token> tokens)
    {
        var merged = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Word && VoiceLexicon.RepeatWords.TryGetValue(token.Text, out var repeats))
            {
                // "twice for 45 seconds" is "2 times for 45 seconds": the "times" is said inside the word
                merged.Add(new Token(TokenKind.Number, token.Start, token.End, repeats, RepeatText, token.Glued));
                merged.Add(new Token(TokenKind.Word, token.End, token.End, 0, "times", true));
            }
            else if (token.Kind == TokenKind.Word && TryCouple(tokens, i, out var end))
            {
                merged.Add(new Token(TokenKind.Number, token.Start, tokens[end - 1].End, 2, "", token.Glued));
                i = end - 1;
            }
            else if (token.Kind == TokenKind.Word && TryRead(tokens, i, out var value, out end))
            {
                merged.Add(new Token(TokenKind.Number, token.Start, tokens[end - 1].End, value, "", token.Glued));
                i = end - 1;
            }
            else if (token.Kind == TokenKind.Number && IsAndAHalf(tokens, i + 1))
            {
                merged.Add(token with { End = tokens[i + 3].End, Value = token.Value + HalfValue });
                i += 3;
            }
            else
            {
                merged.Add(token);
            }
        }

        return merged;
    }

    private static bool TryRead(List<Token> tokens, int i, out double value, out int end)
    {
        var word = tokens[i].Text;
        value = 0;
        end = i;
        if (word is "a" or "an")
        {
            // "a set", "a minute", "a plate": one. "a hundred" and "a thousand" are read below.
            var next = WordAt(tokens, i + 1);
            if (next is not null && VoiceLexicon.CountedByA.Contains(Singular(next)) && !IsOrdinalSecond(tokens, i + 1))
            {
                value = 1;
                end = i + 1;
                return true;
            }
        }

        if (word == "half" && WordAt(tokens, i + 1) is "a" or "an")
        {
            // "half a minute", "half an hour"
            value = HalfValue;
            end = i + 2;
            return true;
        }

        if (!TryCardinal(tokens, i, out value, out end) || NamesALimb(tokens, i, end) || IsPronounOne(tokens, i, end))
        {
            return false;
        }

        if (end == i + 1 && value is >= 1 and <= 9 && TryPairedDigits(tokens, end, out var low, out var pairEnd)
            && IsLoadFollower(tokens, pairEnd))
        {
            value = value * Hundred + low;
            end = pairEnd;
        }

        if (WordAt(tokens, end) == "point" && VoiceLexicon.Units.TryGetValue(WordAt(tokens, end + 1) ?? "", out var tenths))
        {
            value += tenths / 10.0;
            end += 2;
        }

        if (IsAndAHalf(tokens, end))
        {
            value += HalfValue;
            end += 3;
        }

        return true;
    }

    /// <summary>
    /// "a couple of sets", "couple sets", "a couple of doubles": two, when what is counted follows. "A couple" said of
    /// anything else ("a couple more") counts nothing that can be stored.
    /// </summary>
    private static bool TryCouple(List<Token> tokens, int i, out int end)
    {
        end = i;
        var k = WordAt(tokens, i) is "a" ? i + 1 : i;
        if (WordAt(tokens, k) != "couple")
        {
            return false;
        }

        k = WordAt(tokens, k + 1) == "of" ? k + 2 : k + 1;
        if (WordAt(tokens, k) is not { } counted
            || !(VoiceLexicon.CountedByA.Contains(Singular(counted)) || VoiceLexicon.RepNouns.ContainsKey(counted)))
        {
            return false;
        }

        end = k;
        return true;
    }

    /// <summary>"one arm row", "two hand swing": the number is part of the name.</summary>
    private static bool NamesALimb(List<Token> tokens, int start, int end) =>
        end == start + 1 && tokens[start].Text is "one" or "two"
        && WordAt(tokens, end) is { } next && VoiceLexicon.LimbWords.Contains(next);

    /// <summary>"the last one", "the first one", "that one": "one" stands for a set there, it counts nothing.</summary>
    private static bool IsPronounOne(List<Token> tokens, int start, int end) =>
        end == start + 1 && tokens[start].Text == "one" && WordAt(tokens, start - 1) is "last" or "final" or "first" or "next" or "other" or "that" or "this";

    /// <summary>"second set" is an ordinal, not "a second".</summary>
    private static bool IsOrdinalSecond(List<Token> tokens, int i) =>
        tokens[i].Text == "second" && WordAt(tokens, i + 1) is "set" or "sets";

    private static bool TryCardinal(List<Token> tokens, int i, out double value, out int end)
    {
        if (WordAt(tokens, i) is "a" or "an" && WordAt(tokens, i + 1) == "thousand")
        {
            value = Thousand;
            end = i + 2;
        }
        else if (TryBelowThousand(tokens, i, out var below, out end))
        {
            value = below;
            if (WordAt(tokens, end) != "thousand")
            {
                return true;
            }

            value *= Thousand;
            end++;
        }
        else
        {
            value = 0;
            return false;
        }

        var rest = WordAt(tokens, end) == "and" ? end + 1 : end;
        if (TryBelowThousand(tokens, rest, out var tail, out var tailEnd))
        {
            value += tail;
            end = tailEnd;
        }

        return true;
    }

    private static bool TryBelowThousand(List<Token> tokens, int i, out int value, out int end)
    {
        var word = WordAt(tokens, i);
        var multiplier = word is "a" or "an" ? 1 : word is not null && VoiceLexicon.Units.TryGetValue(word, out var unit) ? unit : 0;
        if (multiplier > 0 && WordAt(tokens, i + 1) == "hundred")
        {
            value = multiplier * Hundred;
            end = i + 2;
            var rest = WordAt(tokens, end) == "and" ? end + 1 : end;
            if (TryBelowHundred(tokens, rest, out var tail, out var tailEnd))
            {
                value += tail;
                end = tailEnd;
            }

            return true;
        }

        return TryBelowHundred(tokens, i, out value, out end);
    }

    private static bool TryBelowHundred(List<Token> tokens, int i, out int value, out int end)
    {
        var word = WordAt(tokens, i);
        end = i + 1;
        if (word is null)
        {
            value = 0;
            return false;
        }

        if (VoiceLexicon.Tens.TryGetValue(word, out value))
        {
            // "twenty five" and "twenty-five"
            var next = i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Symbol, Text: "-" } ? i + 2 : i + 1;
            if (WordAt(tokens, next) is { } unitWord && VoiceLexicon.Units.TryGetValue(unitWord, out var unit) && unit > 0)
            {
                value += unit;
                end = next + 1;
            }

            return true;
        }

        return VoiceLexicon.Teens.TryGetValue(word, out value) || VoiceLexicon.Units.TryGetValue(word, out value);
    }

    /// <summary>The "twenty five" of "two twenty five", the "fifteen" of "three fifteen", the "oh five" of "four oh five".</summary>
    private static bool TryPairedDigits(List<Token> tokens, int i, out int value, out int end)
    {
        // "one-eighty-five" is said as "one eighty five"
        i = i < tokens.Count && tokens[i] is { Kind: TokenKind.Symbol, Text: "-" } ? i + 1 : i;
        var word = WordAt(tokens, i);
        if (word is "oh" or "o" && WordAt(tokens, i + 1) is { } digit && VoiceLexicon.Units.TryGetValue(digit, out value))
        {
            end = i + 2;
            return true;
        }

        if (word is not null && (VoiceLexicon.Tens.ContainsKey(word) || VoiceLexicon.Teens.ContainsKey(word)))
        {
            return TryBelowHundred(tokens, i, out value, out end);
        }

        value = 0;
        end = i;
        return false;
    }

    /// <summary>Paired digits are a load only before a unit or a rep count ("two twenty five for five").</summary>
    private static bool IsLoadFollower(List<Token> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return true;
        }

        var token = tokens[i];
        return token.Kind == TokenKind.Symbol
            ? token.Text is "," or "." or "x" or "@"
            : token.Kind == TokenKind.Word
              && (VoiceLexicon.WeightUnits.ContainsKey(token.Text) || token.Text is "for" or "x" or "by" or "times" or "plates" or "on" or "then");
    }

    private static bool IsAndAHalf(List<Token> tokens, int i) =>
        WordAt(tokens, i) == "and" && WordAt(tokens, i + 1) is "a" or "an" && WordAt(tokens, i + 2) == "half";

    private static string? WordAt(List<Token> tokens, int i) =>
        i >= 0 && i < tokens.Count && tokens[i].Kind == TokenKind.Word ? tokens[i].Text : null;

    private static string Singular(string word) => word.Length > 3 && word[^1] == 's' ? word[..^1] : word;
}
