using System.Collections.Frozen;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Gives each lexed token its meaning in a training log. Phrases ("reps in reserve", "each side", "and then") become
/// one token; words whose meaning depends on their neighbour are decided here: "x", "by" and "times" between two
/// numbers multiply, "k" after a number is a unit, "+" before a number adds load and after one means AMRAP.
/// </summary>
internal static class TokenClassifier
{
    private static readonly FrozenDictionary<string, (string[] Words, TokenKind Kind)[]> PhrasesByFirstWord = BuildPhrases();

    private static readonly FrozenSet<string> KnownWords = BuildKnownWords();

    public static List<Token> Classify(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Word when VoiceLexicon.MachineSettings.Contains(token.Text) && i + 1 < tokens.Count
                                         && tokens[i + 1].Kind == TokenKind.Number && !IsPercentAt(tokens, i + 2):
                    // "at incline 12", "level 8": a machine setting, kept as unparsed
                    result.Add(new Token(TokenKind.Comment, token.Start, tokens[i + 1].End, 0, token.Text, token.Glued));
                    i++;
                    break;
                case TokenKind.Word when IsSupersetLabel(tokens, i):
                    // "A1 pull ups 3x8 A2 dips 3x10": a superset label starts the next exercise
                    result.Add(new Token(TokenKind.Separator, token.Start, tokens[i + 1].End, 0, "", token.Glued));
                    i++;
                    break;
                case TokenKind.Word when IsChainedUnit(tokens, i):
                    // "60 kilos then 70 kilos then 80 kilos": the unit said with the last load is said for them all
                    break;
                case TokenKind.Word when token.Text == "then" && IsLoadChainThen(tokens, i):
                    // "40 then 45 then 50 kilos": the loads of successive sets, listed as with commas
                    result.Add(token.With(TokenKind.Comma));
                    break;
                case TokenKind.Word when token.Text == "or" && IsNumberChoice(tokens, i):
                    // "was it 50 or 55", "5 reps or 6": the speaker does not know which, so neither is logged
                    result.Add(token.With(TokenKind.Doubt));
                    break;
                case TokenKind.Word when IsWithAbbreviation(tokens, i):
                    result.Add(new Token(TokenKind.With, token.Start, tokens[i + 1].End, 0, "with", token.Glued));
                    i++;
                    break;
                case TokenKind.Word:
                    if (TryPhrase(tokens, i, out var kind, out var words, out var last))
                    {
                        // A two-word name ("good mornings", "body weight") stays a name, spelled as said; so does a
                        // working-set phrase, whose last word says whether it counts sets ("2 back off sets").
                        var text = kind is TokenKind.Word or TokenKind.Working ? string.Join(' ', words) : token.Text;
                        result.Add(new Token(kind, token.Start, tokens[last].End, 0, text, token.Glued));
                        i = last;
                    }
                    else
                    {
                        result.Add(ClassifyWord(tokens, i));
                    }

                    break;
                case TokenKind.Symbol when IsUnitHyphen(tokens, i):
                    // "60-second plank", "5-minute plank": the hyphen only glues the number to its unit.
                    break;
                case TokenKind.Symbol:
                    result.Add(ClassifySymbol(tokens, i));
                    break;
                case TokenKind.Number when IsOrdinal(tokens, i):
                    // "1st set", "2nd set": an ordinal names a set, it does not count anything
                    result.Add(new Token(TokenKind.Filler, token.Start, tokens[i + 1].End, 0, "", token.Glued));
                    i++;
                    break;
                case TokenKind.Number when i + 1 < tokens.Count && IsPercent(tokens[i + 1]):
                    // "90%", "85 percent": a share of a maximum, which a set does not store
                    result.Add(new Token(TokenKind.Percent, token.Start, tokens[i + 1].End, token.Value, "", token.Glued));
                    i++;
                    break;
                case TokenKind.Number when IsLimbNumber(tokens, i):
                    result.Add(token.With(TokenKind.Word, text: token.Value == 1 ? "one" : "two"));
                    break;
                default:
                    result.Add(token);
                    break;
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="word"/> could be part of an exercise name (no table here claims it).</summary>
    public static bool IsNameWord(string word) => !KnownWords.Contains(word);

    /// <summary>"w/ 35kg" is "with 35kg"; "w/o" (without) is not.</summary>
    private static bool IsWithAbbreviation(List<Token> tokens, int i) =>
        tokens[i].Text == "w" && i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Symbol, Text: "/", Glued: true }
        && !(i + 2 < tokens.Count && tokens[i + 2] is { Kind: TokenKind.Word, Glued: true });

    /// <summary>"50 or 55", "5 reps or 6", "80 kilos or 85": "or" before a number that may stand for the one before it.</summary>
    private static bool IsNumberChoice(List<Token> tokens, int i) =>
        i > 0 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number
        && (tokens[i - 1].Kind == TokenKind.Number || tokens[i - 1].Kind == TokenKind.Word && !IsNameWord(tokens[i - 1].Text)
            && i > 1 && tokens[i - 2].Kind == TokenKind.Number);

    /// <summary>
    /// "then" inside a chain of loads that ends in a weight unit ("40 then 45 then 50 kilos", "60 kilos then 70 kilos
    /// then 80 kilos"): a list of loads. A chain whose first number follows "for", "x" or "of" is reps; one whose unit
    /// leads a set ("60 then 100 kilos for 5") keeps its "then", and "100 for 5 then 110 for 3" is no chain.
    /// </summary>
    private static bool IsLoadChainThen(List<Token> tokens, int i)
    {
        if (!(i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number) || LoadEndingAt(tokens, i - 1) is not var (first, firstUnit))
        {
            return false;
        }

        var units = new List<string>();
        if (firstUnit is not null)
        {
            units.Add(firstUnit);
        }

        while (first >= 2 && tokens[first - 1] is { Kind: TokenKind.Word, Text: "then" } && LoadEndingAt(tokens, first - 2) is var (earlier, unit))
        {
            first = earlier;
            if (unit is not null)
            {
                units.Add(unit);
            }
        }

        if (first > 0 && tokens[first - 1] is { Kind: TokenKind.Word, Text: "for" or "x" or "by" or "times" or "of" or "and" }
            or { Kind: TokenKind.Number or TokenKind.Clock })
        {
            return false;
        }

        var next = i + 1;
        string? lastUnit;
        while (true)
        {
            lastUnit = UnitAt(tokens, next + 1);
            var after = lastUnit is null ? next + 1 : next + 2;
            if (after + 1 < tokens.Count && tokens[after] is { Kind: TokenKind.Word, Text: "then" } && tokens[after + 1].Kind == TokenKind.Number)
            {
                if (lastUnit is not null)
                {
                    units.Add(lastUnit);
                }

                next = after + 1;
                continue;
            }

            break;
        }

        var end = next + 2;
        var following = end < tokens.Count ? tokens[end] : default;
        return lastUnit is not null && units.TrueForAll(unit => unit == lastUnit)
            && following.Kind != TokenKind.Number && following.Text is not ("for" or "x" or "by" or "times" or "at" or "@" or "reps" or "rep");
    }

    /// <summary>A weight unit inside a load chain ("60 kilos then 70 kilos then 80 kilos"): the last one says it for all.</summary>
    private static bool IsChainedUnit(List<Token> tokens, int i) =>
        UnitAt(tokens, i) is not null && i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Word, Text: "then" } && IsLoadChainThen(tokens, i + 1);

    /// <summary>The load ("45", "45 kilos") whose last token is at <paramref name="i"/>: where its number is, and its unit.</summary>
    private static (int Number, string? Unit)? LoadEndingAt(List<Token> tokens, int i)
    {
        if (i >= 0 && i < tokens.Count && tokens[i].Kind == TokenKind.Number)
        {
            return (i, null);
        }

        return UnitAt(tokens, i) is { } unit && i > 0 && tokens[i - 1].Kind == TokenKind.Number ? (i - 1, unit) : null;
    }

    private static string? UnitAt(List<Token> tokens, int i) =>
        i < 0 || i >= tokens.Count || tokens[i].Kind != TokenKind.Word ? null
        : tokens[i].Text == "k" ? VoiceLexicon.Kilograms
        : VoiceLexicon.WeightUnits.GetValueOrDefault(tokens[i].Text);

    /// <summary>"A1", "B2": labels of a superset's parts.</summary>
    private static bool IsSupersetLabel(List<Token> tokens, int i) =>
        tokens[i].Text is "a" or "b" or "c" or "d" or "e" && i + 1 < tokens.Count
        && tokens[i + 1] is { Kind: TokenKind.Number, Glued: true, Value: >= 1 and <= 9 }
        && (i + 2 >= tokens.Count || !tokens[i + 2].Glued);

    private static bool IsOrdinal(List<Token> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Word, Glued: true, Text: "st" or "nd" or "rd" or "th" };

    private static bool IsPercent(Token token) =>
        token is { Kind: TokenKind.Symbol, Text: "%" } or { Kind: TokenKind.Word, Text: "percent" };

    private static bool IsPercentAt(List<Token> tokens, int i) => i < tokens.Count && IsPercent(tokens[i]);

    private static bool IsUnitHyphen(List<Token> tokens, int i) =>
        tokens[i].Text == "-" && tokens[i].Glued && i > 0 && tokens[i - 1].Kind == TokenKind.Number
        && i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Word, Glued: true };

    /// <summary>"1 arm row", "2 hand swing": the number is part of the name.</summary>
    private static bool IsLimbNumber(List<Token> tokens, int i) =>
        tokens[i].Value is 1 or 2 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word
        && VoiceLexicon.LimbWords.Contains(tokens[i + 1].Text);

    private static Token ClassifyWord(List<Token> tokens, int i)
    {
        var token = tokens[i];
        var word = token.Text;
        var afterNumber = i > 0 && tokens[i - 1].Kind == TokenKind.Number;
        var beforeNumber = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number;

        if (word is "x" or "by" or "times" && afterNumber && beforeNumber || word == "x" && beforeNumber
            || word == "x" && afterNumber && i + 1 < tokens.Count && tokens[i + 1].Text is "amrap" or "failure" or "max")
        {
            return token.With(TokenKind.Times);
        }

        if (word == "xx" && afterNumber && beforeNumber)
        {
            // training-parser notation: "15xx40k,50k" is 15 reps at each load
            return token.With(TokenKind.Times, text: "xx");
        }

        if (word == "max" && i > 0 && (tokens[i - 1].Kind == TokenKind.Number || tokens[i - 1].Text is "x" or "of"))
        {
            // "3 sets of max", "3 x max": as many reps as possible; "1 rep max" is a phrase of its own
            return token.With(TokenKind.Amrap);
        }

        if (word == "times" && afterNumber)
        {
            return token.With(TokenKind.Reps);
        }

        if (afterNumber && VoiceLexicon.UnitsAfterNumber.TryGetValue(word, out var unit))
        {
            return token.With(unit.Kind, unit.Value);
        }

        if (word == "s" && afterNumber && token.Glued)
        {
            return token.With(TokenKind.SecondSuffix, 1);
        }

        if (word is "plate" or "plates")
        {
            return afterNumber ? token.With(TokenKind.Plates)
                : i > 0 && tokens[i - 1].Kind == TokenKind.Word && VoiceLexicon.WeightUnits.ContainsKey(tokens[i - 1].Text)
                    ? token.With(TokenKind.Filler)
                    : token;
        }

        if (word == "plus")
        {
            return token.With(beforeNumber ? TokenKind.Plus : TokenKind.Separator);
        }

        if (word is "added" or "extra" or "additional")
        {
            // "dips 3x12, added 20 kg": load on top of bodyweight; "20 kg added" says the same with a filler
            return token.With(beforeNumber ? TokenKind.Plus : TokenKind.Filler);
        }

        if (VoiceLexicon.RepNouns.TryGetValue(word, out var reps))
        {
            // "a triple", "100 kg triple at rpe 8", "3 doubles"; but "single arm row", "double kettlebell jerk",
            // "single-leg squat" are names. "doubles" with no count before it does not say how many sets.
            var plural = word[^1] == 's';
            if (StartsAName(tokens, i + 1) && !(plural && afterNumber))
            {
                return token;
            }

            return token.With(TokenKind.RepsNoun, reps, !plural ? word : afterNumber ? "plural" : "uncounted");
        }

        if (VoiceLexicon.WeightUnits.TryGetValue(word, out var weightUnit))
        {
            return token.With(TokenKind.WeightUnit, text: weightUnit);
        }

        if (VoiceLexicon.DurationUnits.TryGetValue(word, out var seconds))
        {
            return token.With(TokenKind.DurationUnit, seconds);
        }

        if (VoiceLexicon.DistanceUnits.TryGetValue(word, out var km))
        {
            return token.With(TokenKind.DistanceUnit, km);
        }

        if (VoiceLexicon.SetAdjectives.Contains(word) && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word
            && VoiceLexicon.RepNouns.ContainsKey(tokens[i + 1].Text) && !StartsAName(tokens, i + 2))
        {
            // "a heavy single", "a top triple": the word only colours the set the noun counts
            return token.With(TokenKind.Filler);
        }

        if (VoiceLexicon.Comments.Contains(word))
        {
            // "good mornings", "easy bar curls": a comment word that starts a name belongs to the name.
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            return next.Kind == TokenKind.Word && IsNameWord(next.Text) ? token : token.With(TokenKind.Comment);
        }

        return VoiceLexicon.Fillers.Contains(word) ? token.With(TokenKind.Filler) : token;
    }

    /// <summary>A name word, or a hyphen joining one ("single-arm"), is at <paramref name="i"/>.</summary>
    private static bool StartsAName(List<Token> tokens, int i) =>
        i < tokens.Count && (tokens[i].Kind == TokenKind.Word && IsNameWord(tokens[i].Text)
                             || tokens[i] is { Kind: TokenKind.Symbol, Text: "-", Glued: true } && i + 1 < tokens.Count
                             && tokens[i + 1] is { Kind: TokenKind.Word, Glued: true });

    private static Token ClassifySymbol(List<Token> tokens, int i)
    {
        var token = tokens[i];
        var previous = i > 0 ? tokens[i - 1] : default;
        var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
        var afterNumber = i > 0 && previous.Kind == TokenKind.Number;
        var beforeNumber = next.Kind == TokenKind.Number;
        return token.Text switch
        {
            "x" => token.With(beforeNumber ? TokenKind.Times : TokenKind.Punctuation),
            "*" => token.With(afterNumber && beforeNumber && next.Glued ? TokenKind.Times : TokenKind.Punctuation),
            "@" => token.With(TokenKind.At),
            "," => token.With(TokenKind.Comma),
            "&" => token.With(TokenKind.And),
            ":" => token.With(TokenKind.Colon),
            "%" => token.With(TokenKind.Percent),
            ";" or "." or "!" or "?" or "\n" => token.With(TokenKind.Separator),
            "#" when afterNumber => token.With(TokenKind.WeightUnit, text: VoiceLexicon.Pounds),
            "/" when afterNumber && beforeNumber => token.With(TokenKind.Comma),
            "+" => ClassifyPlus(token, afterNumber, beforeNumber && next.Glued),
            "-" => ClassifyDash(token, afterNumber, beforeNumber, next),
            _ => token.With(TokenKind.Punctuation),
        };
    }

    /// <summary>"+45" adds load; "5+" is as many reps as possible; "pull ups + dips" is a superset.</summary>
    private static Token ClassifyPlus(Token token, bool afterNumber, bool gluedToNumber)
    {
        if (gluedToNumber && !(afterNumber && token.Glued))
        {
            return token.With(TokenKind.Plus);
        }

        return afterNumber && token.Glued ? token.With(TokenKind.Amrap, text: "+") : token.With(TokenKind.Separator);
    }

    /// <summary>"8-12" is a range, "-55" assistance, " - " a pause, and "pull-ups" or "60-second" one word.</summary>
    private static Token ClassifyDash(Token token, bool afterNumber, bool beforeNumber, Token next)
    {
        if (afterNumber && beforeNumber && token.Glued && next.Glued)
        {
            return token.With(TokenKind.Range);
        }

        if (beforeNumber && next.Glued && !token.Glued)
        {
            return token.With(TokenKind.Minus);
        }

        return !token.Glued && !next.Glued ? token.With(TokenKind.Comma) : token.With(TokenKind.Punctuation);
    }

    private static bool TryPhrase(List<Token> tokens, int i, out TokenKind kind, out string[] words, out int last)
    {
        kind = TokenKind.Word;
        words = [];
        last = i;
        if (!PhrasesByFirstWord.TryGetValue(tokens[i].Text, out var candidates))
        {
            return false;
        }

        foreach (var (phraseWords, phraseKind) in candidates)
        {
            if (TryMatch(tokens, i, phraseWords, out var end) && Fits(tokens, phraseKind, phraseWords, end))
            {
                kind = phraseKind;
                words = phraseWords;
                last = end;
                return true;
            }
        }

        return false;
    }

    private static bool TryMatch(List<Token> tokens, int i, string[] words, out int last)
    {
        last = i;
        var k = i;
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                k++;
                // "warm-up", "drop-set": a hyphen joins the words of a phrase.
                if (k < tokens.Count && tokens[k] is { Kind: TokenKind.Symbol, Text: "-" })
                {
                    k++;
                }
            }

            if (k >= tokens.Count || tokens[k].Kind != TokenKind.Word || !string.Equals(tokens[k].Text, words[w], StringComparison.Ordinal))
            {
                return false;
            }
        }

        last = k;
        return true;
    }

    /// <summary>
    /// "a leg" is a side and "the bar" a load only when no name follows: "30 seconds a leg" but "a leg press",
    /// "with the bar" but "the bar dips". "felt like" is an effort only before its number.
    /// </summary>
    private static bool Fits(List<Token> tokens, TokenKind kind, string[] words, int last)
    {
        var hasNext = last + 1 < tokens.Count;
        if (kind == TokenKind.Plan)
        {
            // "gonna log bench 3x5", "will add squats": asking for a log is not a plan
            var k = last + 1;
            while (k < tokens.Count && tokens[k].Kind == TokenKind.Word && tokens[k].Text is "i" or "me" or "just" or "quickly" or "now")
            {
                k++;
            }

            return !(k < tokens.Count && tokens[k].Kind == TokenKind.Word && tokens[k].Text is "log" or "add" or "record" or "track" or "put" or "note" or "enter");
        }

        if (words[0] == "felt")
        {
            // "felt like an 8" is an RPE; "felt like death" is a comment
            return hasNext && tokens[last + 1].Kind == TokenKind.Number;
        }

        return kind is not (TokenKind.Side or TokenKind.BarLoad)
            || !(hasNext && tokens[last + 1].Kind == TokenKind.Word && IsNameWord(tokens[last + 1].Text));
    }

    private static FrozenDictionary<string, (string[] Words, TokenKind Kind)[]> BuildPhrases() =>
        VoiceLexicon.Phrases
            .Select(phrase => (Words: phrase.Phrase.Split(' '), phrase.Kind))
            .GroupBy(phrase => phrase.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(phrase => phrase.Words.Length).ToArray(),
                StringComparer.Ordinal);

    private static FrozenSet<string> BuildKnownWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(VoiceLexicon.Fillers);
        words.UnionWith(VoiceLexicon.Comments);
        words.UnionWith(VoiceLexicon.WeightUnits.Keys);
        words.UnionWith(VoiceLexicon.DurationUnits.Keys);
        words.UnionWith(VoiceLexicon.DistanceUnits.Keys);
        words.UnionWith(VoiceLexicon.Units.Keys);
        words.UnionWith(VoiceLexicon.Teens.Keys);
        words.UnionWith(VoiceLexicon.Tens.Keys);
        words.UnionWith(VoiceLexicon.Phrases.Where(phrase => !phrase.Phrase.Contains(' ', StringComparison.Ordinal)).Select(phrase => phrase.Phrase));
        words.UnionWith(["hundred", "thousand", "half", "point"]);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
