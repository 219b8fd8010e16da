using FitCoach.Application.Features.Exercises.Matching;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// The part of a transcript about one exercise: its name (resolved, or not) and the tokens said around it, including
/// later clauses without a name, which continue it ("bench 100 for 5, then 110 for 3").
/// </summary>
internal sealed record Segment(ExerciseMatch? Match, List<Token> Tokens, TextSpan Span, bool HasQuantities);

/// <summary>
/// Splits a classified transcript into exercise segments. Strong separators ("then", "next", "+", "SS", a full stop)
/// end a clause. Inside a clause every run of name words is an exercise, and the numbers between two names are
/// shared out by how the speaker orders things: "3x10 pull ups and 3x10 dips" puts numbers first, so the numbers
/// after "and" belong to the dips; "bench 100x5, 10 pullups" puts them after the name until the last name, which
/// takes the numbers after the final comma or "and".
/// </summary>
internal static class ClauseSegmenter
{
    private const int MaxNameWords = 6;

    public static List<Segment> Split(List<Token> tokens, NameResolver resolver, List<TextSpan> unread)
    {
        var segments = new List<Segment>();
        var leading = new List<Token>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i].Kind == TokenKind.Separator)
            {
                if (i > start)
                {
                    SplitClause(tokens.GetRange(start, i - start), resolver, unread, segments, leading);
                }

                start = i + 1;
            }
        }

        if (leading.Count > 0)
        {
            unread.Add(InformativeSpan(leading, default));
        }

        return segments;
    }

    private static void SplitClause(
        List<Token> clause, NameResolver resolver, List<TextSpan> unread, List<Segment> segments, List<Token> leading)
    {
        if (clause.Exists(token => token.Kind == TokenKind.Doubt))
        {
            // "was it 50 or 55 kilo, I can't remember": the speaker is unsure, so nothing of the clause is logged
            unread.Add(TextSpan.Of(clause[0], clause[^1]));
            return;
        }

        var plan = clause.FindIndex(token => token.Kind == TokenKind.Plan);
        if (plan >= 0)
        {
            // "next week I'm gonna try 100 for 5 on squat": a plan, not sets done, is handed back; but a complete set
            // said before it, a comma apart ("bench 3x8 at 40, shoulder felt off, might deload next week"), stands
            var keep = LoggedBeforePlan(clause, plan);
            unread.Add(TextSpan.Of(clause[keep], clause[^1]));
            if (keep == 0)
            {
                return;
            }

            clause = clause.GetRange(0, keep);
        }

        foreach (var token in clause)
        {
            if (token.Kind == TokenKind.Comment)
            {
                unread.Add(TextSpan.Of(token, token));
            }
        }

        var runs = JoinAndNames(clause, FindNameRuns(clause), resolver);
        if (runs.Count == 0)
        {
            if (!HasQuantity(clause))
            {
                return;
            }

            var span = InformativeSpan(clause, default);
            if (segments.Count == 0)
            {
                // "I did 3 sets of 10 reps. On the bench at 60 kg.": numbers before any name wait for the first one.
                leading.Add(new Token(TokenKind.Separator, clause[0].Start, clause[0].Start, 0, "", false));
                leading.AddRange(clause);
                return;
            }

            // The separator stays, so a warm-up said before it does not reach the sets after it.
            var previous = segments[^1];
            previous.Tokens.Add(new Token(TokenKind.Separator, clause[0].Start, clause[0].Start, 0, "", false));
            previous.Tokens.AddRange(clause);
            segments[^1] = previous with { Span = previous.Span.Union(span), HasQuantities = true };
            return;
        }

        var exercises = AttachEquipment(runs);
        var between = QuantityRuns(clause, runs, exercises);
        var timedOrDistance = clause.Exists(token => token.Kind is TokenKind.DistanceUnit or TokenKind.KSuffix
            or TokenKind.DurationUnit or TokenKind.Clock);
        var matches = exercises.ConvertAll(name => resolver.Resolve(QueryWords(name.Words, timedOrDistance)));
        var (prefixes, suffixes) = ShareOut(between, matches);
        for (var k = 0; k < exercises.Count; k++)
        {
            var tokens = new List<Token>(prefixes[k].Count + suffixes[k].Count + 1);
            tokens.AddRange(prefixes[k]);
            tokens.Add(Token.NameMark(exercises[k].Span));
            tokens.AddRange(suffixes[k]);
            var hasQuantities = HasQuantity(prefixes[k]) || HasQuantity(suffixes[k]);
            if (segments.Count == 0 && leading.Count > 0)
            {
                tokens.InsertRange(0, leading);
                hasQuantities = true;
                leading.Clear();
            }

            segments.Add(new Segment(matches[k], tokens, InformativeSpan(tokens, exercises[k].Span), hasQuantities));
        }
    }

    /// <summary>
    /// Where the talk of a plan starts: at the comma before it, stepping back over comma-parted parts that say no
    /// number ("my shoulder felt off"). The part kept must name something and say a number; otherwise it is 0.
    /// </summary>
    private static int LoggedBeforePlan(List<Token> clause, int plan)
    {
        var cut = clause.FindLastIndex(plan, token => token.Kind == TokenKind.Comma);
        while (cut > 0)
        {
            var previous = clause.FindLastIndex(cut - 1, token => token.Kind == TokenKind.Comma);
            var part = clause.GetRange(previous + 1, cut - previous - 1);
            if (part.Exists(token => token.Kind is TokenKind.Number or TokenKind.Clock))
            {
                break;
            }

            cut = previous;
        }

        if (cut <= 0)
        {
            return 0;
        }

        var kept = clause.GetRange(0, cut);
        return kept.Exists(token => token.Kind == TokenKind.Word) && kept.Exists(token => token.Kind is TokenKind.Number or TokenKind.Clock)
            ? cut
            : 0;
    }

    /// <summary>The tokens before the first name, between each two names and after the last, without names or comments.</summary>
    private static List<List<Token>> QuantityRuns(List<Token> clause, List<NameRun> runs, List<NameRun> exercises)
    {
        var inRun = new bool[clause.Count];
        foreach (var run in runs)
        {
            Array.Fill(inRun, true, run.Start, run.End - run.Start);
        }

        var between = new List<List<Token>>(exercises.Count + 1);
        var position = 0;
        for (var k = 0; k <= exercises.Count; k++)
        {
            var end = k < exercises.Count ? exercises[k].Start : clause.Count;
            var quantities = new List<Token>();
            for (; position < end; position++)
            {
                if (!inRun[position] && clause[position].Kind != TokenKind.Comment)
                {
                    quantities.Add(clause[position]);
                }
            }

            between.Add(quantities);
            position = k < exercises.Count ? exercises[k].End : end;
        }

        return between;
    }

    /// <summary>Which quantities each exercise said before its name (prefix) and after it (suffix).</summary>
    private static (List<Token>[] Prefixes, List<Token>[] Suffixes) ShareOut(List<List<Token>> between, List<ExerciseMatch?> matches)
    {
        var count = matches.Count;
        var prefixes = new List<Token>[count];
        var suffixes = new List<Token>[count];
        prefixes[0] = between[0];
        for (var k = 1; k < count; k++)
        {
            var run = between[k];
            if (HasQuantity(prefixes[k - 1]))
            {
                // numbers-first speaker: the run's head trails the previous exercise, the rest leads the next
                (suffixes[k - 1], prefixes[k]) = SplitAtFirstBreak(run);
            }
            else if (matches[k] is not null && !HasQuantity(between[k + 1]))
            {
                // numbers-after speaker whose last exercise has none after it: they came before it, after a break
                (suffixes[k - 1], prefixes[k]) = SplitAtLastBreak(run);
            }
            else
            {
                (suffixes[k - 1], prefixes[k]) = (run, []);
            }
        }

        suffixes[^1] = between[^1];
        ShareRounds(prefixes, suffixes);
        for (var k = count - 2; k >= 0; k--)
        {
            // "squats and lunges 3x10 each": a name said bare and joined to the next shares that one's sets
            var joined = between[k + 1] is [{ Kind: TokenKind.And or TokenKind.Comma }];
            if (joined && !HasQuantity(prefixes[k]) && !HasQuantity(suffixes[k]) && !HasQuantity(prefixes[k + 1]))
            {
                suffixes[k] = [.. suffixes[k + 1]];
            }
        }

        return (prefixes, suffixes);
    }

    /// <summary>
    /// "5 rounds, each round 10 pull-ups and 15 push-ups": a count of rounds said before the first exercise of a
    /// circuit is the count of every exercise in it that says no count of its own.
    /// </summary>
    private static void ShareRounds(List<Token>[] prefixes, List<Token>[] suffixes)
    {
        var first = prefixes[0];
        var at = first.FindIndex(token => token.Kind == TokenKind.Number);
        if (prefixes.Length < 2 || at < 0 || at + 1 >= first.Count
            || first[at + 1] is not { Kind: TokenKind.Sets, Text: "rounds" or "round" or "circuits" or "circuit" })
        {
            return;
        }

        var count = first.GetRange(at, 2);
        for (var k = 1; k < prefixes.Length; k++)
        {
            var own = SaysCount(prefixes[k]) || SaysCount(suffixes[k]);
            if (!own && HasQuantity([.. prefixes[k], .. suffixes[k]]))
            {
                prefixes[k] = [.. count, new Token(TokenKind.Comma, count[1].End, count[1].End, 0, ",", false), .. prefixes[k]];
            }
        }

        // "3 sets", "x3" count; "each round" does not
        static bool SaysCount(List<Token> tokens) =>
            tokens.Exists(token => token.Kind == TokenKind.Times)
            || tokens.Where((token, k) => token.Kind == TokenKind.Sets && k > 0 && tokens[k - 1].Kind == TokenKind.Number).Any();
    }

    private sealed record NameRun(int Start, int End, List<string> Words, bool EquipmentOnly)
    {
        public TextSpan Span { get; init; }
    }

    /// <summary>Runs of name words, allowing joiners between them ("calf raises on the leg press", "Bench Press (Smith Machine)").</summary>
    private static List<NameRun> FindNameRuns(List<Token> clause)
    {
        var runs = new List<NameRun>();
        var i = 0;
        while (i < clause.Count)
        {
            if (clause[i].Kind != TokenKind.Word)
            {
                i++;
                continue;
            }

            var start = i;
            var end = i + 1;
            var words = new List<string> { clause[i].Text };
            var k = end;
            while (k < clause.Count)
            {
                if (clause[k].Kind == TokenKind.Word)
                {
                    words.Add(clause[k].Text);
                    end = k + 1;
                    k++;
                }
                else if (IsJoiner(clause[k]))
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            var equipmentOnly = words.TrueForAll(VoiceLexicon.EquipmentWords.Contains);
            var span = new TextSpan(clause[start].Start, clause[end - 1].End);
            runs.Add(new NameRun(start, end, words, equipmentOnly) { Span = span });
            i = end;
        }

        return runs;
    }

    /// <summary>"clean and jerk", "clean and press": two runs joined by "and" are one name when the whole matches surely.</summary>
    private static List<NameRun> JoinAndNames(List<Token> clause, List<NameRun> runs, NameResolver resolver)
    {
        for (var r = runs.Count - 2; r >= 0; r--)
        {
            var (first, second) = (runs[r], runs[r + 1]);
            if (second.Start != first.End + 1 || clause[first.End].Kind != TokenKind.And || first.EquipmentOnly || second.EquipmentOnly)
            {
                continue;
            }

            var words = new List<string>(first.Words) { "and" };
            words.AddRange(second.Words);
            if (resolver.IsOneName(words))
            {
                runs[r] = new NameRun(first.Start, second.End, words, false) { Span = first.Span.Union(second.Span) };
                runs.RemoveAt(r + 1);
            }
        }

        return runs;
    }

    private static bool IsJoiner(Token token) =>
        token.Kind is TokenKind.Of or TokenKind.With or TokenKind.In or TokenKind.Filler or TokenKind.Punctuation
        && VoiceLexicon.NameJoiners.Contains(token.Text);

    /// <summary>
    /// "with 50 lb dumbbells", "(Smith Machine)": words that only name equipment join the exercise named before them
    /// (or after, when none is), so the matcher sees "shoulder press dumbbells".
    /// </summary>
    private static List<NameRun> AttachEquipment(List<NameRun> runs)
    {
        if (runs.TrueForAll(run => run.EquipmentOnly))
        {
            return runs;
        }

        var names = new List<NameRun>();
        var orphans = new List<string>();
        foreach (var run in runs)
        {
            if (!run.EquipmentOnly)
            {
                var words = new List<string>(Math.Min(run.Words.Count, MaxNameWords) + orphans.Count);
                words.AddRange(run.Words.Count > MaxNameWords ? run.Words.GetRange(run.Words.Count - MaxNameWords, MaxNameWords) : run.Words);
                words.AddRange(orphans);
                orphans.Clear();
                names.Add(run with { Words = words });
            }
            else if (names.Count > 0)
            {
                names[^1].Words.AddRange(run.Words);
            }
            else
            {
                orphans.AddRange(run.Words);
            }
        }

        return names;
    }

    /// <summary>
    /// Past tenses of cardio the matcher does not know ("ran" is a run), and "rowed 2000 meters", which is the rowing
    /// machine where "rowed 3x10" is a barbell row.
    /// </summary>
    private static List<string> QueryWords(List<string> words, bool timedOrDistance)
    {
        if (timedOrDistance && words.TrueForAll(word => word is "row" or "rowed" or "rows"))
        {
            return ["rowing"];
        }

        var query = new List<string>(words.Count);
        foreach (var word in words)
        {
            var spelled = VoiceLexicon.CardioVerbs.GetValueOrDefault(word) ?? VoiceLexicon.NameShorthand.GetValueOrDefault(word) ?? word;
            if (spelled.Length > 0)
            {
                query.Add(spelled);
            }
        }

        return query.Count > 0 ? query : words;
    }

    private static (List<Token> Left, List<Token> Right) SplitAtFirstBreak(List<Token> run)
    {
        var at = run.FindIndex(IsBreak);
        return at < 0 ? ([], run) : (run.GetRange(0, at), run.GetRange(at + 1, run.Count - at - 1));
    }

    /// <summary>At the last comma or "and" that still has numbers after it; the whole run stays left without one.</summary>
    private static (List<Token> Left, List<Token> Right) SplitAtLastBreak(List<Token> run)
    {
        for (var at = run.Count - 1; at >= 0; at--)
        {
            if (IsBreak(run[at]) && HasQuantity(run.GetRange(at + 1, run.Count - at - 1)))
            {
                return (run.GetRange(0, at), run.GetRange(at + 1, run.Count - at - 1));
            }
        }

        return (run, []);
    }

    private static bool IsBreak(Token token) => token.Kind is TokenKind.Comma or TokenKind.And;

    /// <summary>True when the tokens say anything measurable, not just connectors and chatter.</summary>
    private static bool HasQuantity(List<Token> tokens) => tokens.Exists(IsInformative);

    private static bool IsInformative(Token token) => token.Kind is not (TokenKind.Filler or TokenKind.Punctuation
        or TokenKind.Comma or TokenKind.And or TokenKind.Of or TokenKind.For or TokenKind.At or TokenKind.With
        or TokenKind.In or TokenKind.Colon or TokenKind.Comment or TokenKind.Separator or TokenKind.Word or TokenKind.LastSet);

    private static TextSpan InformativeSpan(List<Token> tokens, TextSpan name)
    {
        var span = name;
        foreach (var token in tokens)
        {
            if (IsInformative(token))
            {
                span = span.Union(TextSpan.Of(token, token));
            }
        }

        return span;
    }
}
