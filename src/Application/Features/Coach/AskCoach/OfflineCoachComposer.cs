using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Text;
using FitCoach.Domain.Profiles;
using Microsoft.Extensions.Caching.Memory;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>The composed text and the passages it cites; [n] in the text is the n-th passage the composer was given.</summary>
public sealed record ComposedAnswer(string Text, IReadOnlyList<KnowledgePassage> Cited);

/// <summary>
/// Writes an answer without a language model: every statement is a sentence from a retrieved passage, picked
/// because it shares the question's words, cited [n]; the personal part applies the user's facts to what those
/// sentences say (grams of protein from g/kg at the user's weight, the passage's advice for their level or goal, a
/// caution where a passage touches a region they listed as injured). A question that asks for a number ("how much
/// caffeine", "how long should I rest", "how do I estimate my max heart rate") is answered first by the sentence
/// that states a number of the asked kind (<see cref="Quantities"/>) and shares most of the question's terms (the
/// retrieval analyzer's stems and synonym groups, through <see cref="ITextNormalizer"/>). Deterministic: the same
/// question, passages and context give the same text.
/// </summary>
public sealed partial class OfflineCoachComposer(ITextNormalizer normalizer)
{
    /// <summary>At most this many texts' stems are memoised; past it the least recently used are dropped first.</summary>
    internal const int MaxCachedStemSets = 50_000;

    private const int MaxDocuments = 5;

    private static readonly MemoryCache StemCache = new(new MemoryCacheOptions { SizeLimit = MaxCachedStemSets, CompactionPercentage = 0.2 });

    private static readonly MemoryCacheEntryOptions StemEntry = new() { Size = 1 };

    /// <summary>How much the lead says before the other passages have their turn.</summary>
    private const int LeadChars = 520;

    /// <summary>A passage is used when its score is at least this fraction of the best passage's.</summary>
    private const double RelativeRelevance = 0.85;

    /// <summary>Below this many words of evidence the answer adds the next most relevant sentences.</summary>
    private const int TargetWords = 110;
    private const int MinSentenceChars = 35;
    private const int MaxSentenceChars = 420;

    /// <summary>
    /// How much a question term counts when a sentence lacks it but its passage's title or section heading has it:
    /// "3–5 g per day" under "Creatine Monohydrate - Dose" is about creatine, though less surely than a sentence naming it.
    /// </summary>
    private const double ContextWeight = 0.75;

    /// <summary>A sentence that states the asked number may be this short ("Epley: 1RM = w × (1 + r/30).").</summary>
    private const int MinAnswerChars = 20;

    /// <summary>
    /// Question terms (analyzer stems) that say a number is wanted, or in which unit, rather than what it is about:
    /// they would favour sentences that happen to say "long", "daily" or "too", while the unit is already matched by
    /// the number's kind ("grams" asks for "3–5 g").
    /// </summary>
    private static readonly FrozenSet<string> QuantityWords = new[]
    {
        "long", "often", "frequent", "take", "use", "fast", "quick", "soon", "far", "big", "last", "too", "amount", "number", "per",
        "gram", "g", "mg", "milligram", "kg", "kilo", "hour", "minut", "second", "day", "daili", "week", "weekli", "month",
        "time", "percent", "percentag",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "is", "are", "am", "was", "be", "do", "does", "did", "i", "me", "my", "you",
        "your", "it", "its", "to", "of", "in", "on", "for", "with", "at", "by", "what", "how", "why", "when", "should",
        "can", "could", "would", "will", "there", "this", "that", "these", "those", "if", "so", "just", "really", "much",
        "many", "any", "some", "get", "have", "has", "need", "want", "good", "best", "way", "ok", "im", "day", "days",
        "week", "weeks", "time", "times", "long", "often", "every", "each", "per", "lot", "bit", "about", "thing", "things",
        "doing", "make", "still", "also", "much", "more", "than", "they", "them", "from", "into", "over", "like",
    };

    private static readonly string[] RedFlagWords =
    [
        "chest pain", "numb", "tingl", "bladder", "bowel", "pop", "giving way", "gave way", "can't bear weight",
        "cannot bear weight", "can't walk", "dark urine", "cola", "night pain", "pain at night", "faint", "dizzy", "short of breath",
    ];

    public ComposedAnswer Compose(string question, IReadOnlyList<KnowledgePassage> passages, Common.UserContext.UserContext context, IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(history);

        var questionStems = new HashSet<string>(Stems(question), StringComparer.Ordinal);
        if (history.LastOrDefault(t => t.Role == ConversationTurn.User) is { } previous)
        {
            questionStems.UnionWith(Stems(previous.Content).Select(s => "~" + s)); // weaker: the topic carried over
        }

        var personal = PersonalStems(context.Profile);
        // Passages well below the best one are usually there for one shared word; they are not cited.
        var documents = passages
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Where((p, i) => i == 0 || p.Score >= RelativeRelevance * passages[0].Score)
            .Take(MaxDocuments)
            .ToList();
        if (documents.Count == 0)
        {
            return new ComposedAnswer(NothingFound(question, context), []);
        }

        // A question word found in few of the retrieved sentences says more about what is asked than one found in
        // most of them ("ohp" versus "stuck"), so matches are weighted by inverse sentence frequency.
        var sentenceStems = documents.SelectMany(d => SentenceSplitter.Split(TextOf(d)).Select(Stems)).ToList();
        var weights = questionStems.ToDictionary(
            stem => stem,
            stem =>
            {
                var bare = stem.TrimStart('~');
                var df = sentenceStems.Count(set => set.Contains(bare));
                var weight = df == 0 ? 1 : 1 + Math.Log((double)sentenceStems.Count / df);
                return stem.StartsWith('~') ? 0.4 * weight : weight;
            },
            StringComparer.Ordinal);
        var candidates = documents
            .Select((doc, index) => (doc, index, sentences: Rank(doc, weights, personal)))
            .ToList();

        // A question for a number is answered by the sentence that states it, from whichever passage has it.
        var answer = Quantities.Asked(question) is var asked and not QuantityKind.None ? StatedAnswer(question, asked, passages) : null;
        var answerDoc = answer?.Doc;
        if (answerDoc is not null && !candidates.Exists(c => c.doc.Id == answerDoc.Id))
        {
            candidates.Add((answerDoc, candidates.Count, Rank(answerDoc, weights, personal)));
        }

        var sb = new StringBuilder();
        var cited = new List<KnowledgePassage>();
        var used = new HashSet<string>(StringComparer.Ordinal);

        // 1. The lead: the sentence stating the asked number when the question asks for one, else the best passage's
        // most relevant sentence, ranked on relevance alone (a sentence addressed to the user's level or goal is kept
        // for "For you"). The passage is on topic (retrieval chose it), so after its most relevant sentences the lead
        // continues with the sentences that follow them, which carry their context, until it has said enough.
        var lead = answerDoc is null ? candidates[0] : candidates.Find(c => c.doc.Id == answerDoc.Id);
        var ranked = lead.sentences.Where(s => s.BaseScore > 0).OrderByDescending(s => s.BaseScore).ThenBy(s => s.Position).ToList();
        var inOrder = lead.sentences.OrderBy(s => s.Position).ToList();
        if (answer is not null)
        {
            // The sentence stating the number opens the answer, followed by what follows it in its passage.
            var at = answer.Position;
            var opening = lead.sentences.Find(s => s.Position == at) ?? new RankedSentence(answer.Text, at, 0, 0, 0);
            ranked.Remove(opening);
            ranked.Insert(0, opening);
            if (!inOrder.Contains(opening))
            {
                inOrder.Add(opening);
                inOrder.Sort((a, b) => a.Position.CompareTo(b.Position));
            }
        }

        var leadSentences = new List<RankedSentence>();
        foreach (var anchor in ranked.Take(2))
        {
            // The most relevant sentence opens, followed by what follows it in the passage; then the next anchor.
            foreach (var next in inOrder.Where(s => s.Position >= anchor.Position).Take(3))
            {
                if (leadSentences.Sum(s => s.Text.Length) >= LeadChars)
                {
                    break;
                }

                if (!leadSentences.Contains(next) && !NearDuplicate(next.Text, [.. leadSentences.Select(s => s.Text)]))
                {
                    leadSentences.Add(next);
                }
            }
        }

        // Still thin (the anchor ends its passage): the sentences just before it give its context, unless the anchor
        // states the asked number, which must stay first.
        foreach (var anchor in ranked.Take(answer is null ? 1 : 0))
        {
            foreach (var before in inOrder.Where(s => s.Position < anchor.Position).Reverse())
            {
                if (leadSentences.Sum(s => s.Text.Length) >= LeadChars / 2)
                {
                    break;
                }

                if (!leadSentences.Contains(before) && !NearDuplicate(before.Text, [.. leadSentences.Select(s => s.Text)]))
                {
                    leadSentences.Insert(0, before);
                }
            }
        }

        if (leadSentences.Count == 0)
        {
            leadSentences = [.. inOrder.Take(3)];
        }

        // 0. A formula worked through for the numbers the question gives ("benched 100 kg for 5", "I'm 40").
        if (WorkedNumbers.For(question, context.Profile) is { } worked)
        {
            sb.Append(worked).Append("\n\n");
        }

        if (history.Count > 0)
        {
            sb.Append("Following on from what we discussed: ");
        }

        var leadNumber = Cite(cited, passages, lead.doc);
        sb.Append(string.Join(' ', leadSentences.Select(s => s.Text))).Append(CultureInfo.InvariantCulture, $" [{leadNumber}]");
        used.UnionWith(leadSentences.Select(s => s.Text));
        sb.Append("\n\n");

        // 2. What the other passages add: their best sentence not already said. Beyond the lead, a sentence must share
        // two of the question's words when it has three or more, so one shared word used in another sense ("window")
        // does not bring in an unrelated passage.
        var minMatches = questionStems.Count(q => !q.StartsWith('~')) >= 4 ? 2 : 1;
        var points = new List<string>();
        foreach (var (doc, _, sentences) in candidates.Where(c => c.doc.Id != lead.doc.Id))
        {
            var best = sentences.FirstOrDefault(s => s.Matches >= minMatches && s.Score > 0 && !used.Contains(s.Text) && !NearDuplicate(s.Text, used));
            if (best is null)
            {
                continue;
            }

            var number = Cite(cited, passages, doc);
            used.Add(best.Text);
            points.Add($"- {best.Text} [{number}]");
        }

        // Too little said so far: the next most relevant sentences, wherever they are.
        var words = CountWords(string.Join(' ', used));
        foreach (var (doc, _, sentences) in candidates.OrderBy(c => c.index))
        {
            foreach (var extra in sentences.Where(s => s.Score > 0 && !used.Contains(s.Text)))
            {
                if (words >= TargetWords)
                {
                    break;
                }

                if (NearDuplicate(extra.Text, used))
                {
                    continue;
                }

                var number = Cite(cited, passages, doc);
                used.Add(extra.Text);
                points.Add($"- {extra.Text} [{number}]");
                words += CountWords(extra.Text);
            }
        }

        // Still thin: the lead passage's next sentences, in order (the passage is the most relevant one found).
        foreach (var next in lead.sentences.OrderBy(s => s.Position).Where(s => !used.Contains(s.Text)))
        {
            if (words >= TargetWords)
            {
                break;
            }

            if (NearDuplicate(next.Text, used))
            {
                continue;
            }

            used.Add(next.Text);
            points.Add($"- {next.Text} [{leadNumber}]");
            words += CountWords(next.Text);
        }

        if (points.Count > 0)
        {
            sb.Append("What else the evidence says:\n").Append(string.Join('\n', points)).Append("\n\n");
        }

        // 3. For this user: the facts applied to what the passages say.
        var forYou = ForYou(question, context, candidates.Select(c => (c.doc, c.sentences)).ToList(), passages, cited, used);
        if (forYou.Count > 0)
        {
            sb.Append("For you: ").Append(string.Join(' ', forYou)).Append("\n\n");
        }
        else if (!context.HasProfile)
        {
            sb.Append("For you: add your goals, experience, equipment and any injuries to your profile and I will fit this advice to them.\n\n");
        }

        if (RedFlagWords.Any(w => question.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            sb.Append("Safety: what you describe can signal something that needs a clinician. Numbness or tingling down a limb, loss of bladder or bowel control, chest pain, a pop with immediate swelling or giving way, being unable to bear weight, or dark urine after training warrant prompt medical assessment before training on.\n\n");
        }

        sb.Append("Sources:\n");
        foreach (var doc in cited.OrderBy(d => Cite(cited, passages, d)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{Cite(cited, passages, doc)}] {doc.Title} ({doc.Namespace})");
            if (doc.References.Count > 0)
            {
                sb.Append(" — ").Append(doc.References[0]);
            }

            sb.Append('\n');
        }

        return new ComposedAnswer(sb.ToString().TrimEnd(), cited);
    }

    /// <summary>
    /// The sentence that best answers a question asking for a number: among the sentences of the passages that state
    /// a number of an asked kind, the one sharing most of the question's terms (weighted by how few of those
    /// sentences share each term; a term found only in the passage's title or the sentence's section heading counts
    /// <see cref="ContextWeight"/>), in a passage that retrieval ranked high (its score relative to the best, cubed),
    /// early in it, and readable on its own. Null when no passage states such a number, or none that
    /// shares a term with the question outside the best passage (a number on another topic is no answer).
    /// </summary>
    private StatedSentence? StatedAnswer(string question, QuantityKind asked, IReadOnlyList<KnowledgePassage> passages)
    {
        var found = new List<(StatedSentence Sentence, HashSet<string> Terms, HashSet<string> Context, QuantityKind Stated)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in passages)
        {
            if (seen.Count >= MaxDocuments)
            {
                break;
            }

            if (!seen.Add(doc.Id))
            {
                continue;
            }

            var title = normalizer.Terms(doc.Title);
            HashSet<string> context = [.. title];
            var position = 0;
            foreach (var raw in SentenceSplitter.Split(TextOf(doc)))
            {
                position++;
                if (IsHeading(raw))
                {
                    context = [.. title, .. normalizer.Terms(raw)];
                    continue;
                }

                var sentence = Clean(raw);
                if (sentence.Length < MinAnswerChars || sentence.Length > MaxSentenceChars || sentence.EndsWith(':'))
                {
                    continue;
                }

                var stated = Quantities.Stated(sentence);
                if (Quantities.Answers(asked, stated))
                {
                    found.Add((new StatedSentence(doc, sentence, position, 0), [.. normalizer.Terms(sentence)], context, stated));
                }
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var questionTerms = normalizer.QueryTerms(question).Where(t => !QuantityWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in questionTerms)
        {
            var df = found.Count(f => f.Terms.Contains(term) || f.Context.Contains(term));
            if (df > 0)
            {
                weights[term] = 1 + Math.Log((double)found.Count / df);
            }
        }

        var total = weights.Values.Sum();
        var best = passages[0].Score > 0 ? passages[0].Score : 1;
        StatedSentence? answer = null;
        foreach (var (sentence, terms, context, stated) in found)
        {
            var shared = weights.Sum(w => terms.Contains(w.Key) ? w.Value : context.Contains(w.Key) ? ContextWeight * w.Value : 0);
            if (shared == 0 && sentence.Doc.Id != passages[0].Id)
            {
                continue;
            }

            var relevance = Math.Min(1, sentence.Doc.Score / best);
            var score = relevance * relevance * relevance * (0.25 + (total > 0 ? shared / total : 0)) * (1 - (0.01 * Math.Min(sentence.Position, 20)));
            if ((stated & asked & QuantityKind.PerBodyMass) != 0)
            {
                score *= 1.1; // a prescription scaled to the body ("3–6 mg/kg") over one example of it ("200 mg")
            }

            if ((stated & asked) == QuantityKind.NamedFormula)
            {
                score *= 0.6; // "averaging Epley and Brzycki" names the equations; the answer writes one out
            }

            if (sentence.Doc.Snippet.Contains(sentence.Text, StringComparison.Ordinal))
            {
                score *= 1.2; // the retriever's own pick
            }

            if (LeansOnContext().IsMatch(sentence.Text))
            {
                score *= 0.7;
            }

            if (sentence.Text.Contains('?', StringComparison.Ordinal))
            {
                score *= 0.5; // a question in the text asks rather than answers
            }

            if (answer is null || score > answer.Score)
            {
                answer = sentence with { Score = score };
            }
        }

        return answer;
    }

    /// <summary>A section heading in a passage's text: a short line that does not end as a sentence does.</summary>
    private static bool IsHeading(string line) =>
        line.Length <= 80 && !line.StartsWith('•') && line.TrimEnd() is { Length: > 0 } end && !".!?:;)\"”".Contains(end[^1], StringComparison.Ordinal);

    private static string NothingFound(string question, Common.UserContext.UserContext context) =>
        $"I could not find anything in the FitCoach knowledge base that answers \"{Shorten(question, 120)}\", and I would rather say so than guess. " +
        "Try naming the exercise, body part or goal you mean (for example \"knee pain when squatting\" or \"protein for muscle gain\")" +
        (context.HasProfile ? "." : ", and add your goals and experience to your profile so answers fit you.");

    private List<string> ForYou(
        string question,
        Common.UserContext.UserContext context,
        List<(KnowledgePassage Doc, List<RankedSentence> Sentences)> candidates,
        IReadOnlyList<KnowledgePassage> passages,
        List<KnowledgePassage> cited,
        HashSet<string> used)
    {
        var lines = new List<string>();
        var profile = context.Profile;
        var allText = string.Join(' ', candidates.SelectMany(c => c.Sentences).Select(s => s.Text));

        // Per-kilogram prescriptions become the user's own numbers.
        if (profile.WeightKg is double weight && PerKilogram().Match(allText) is { Success: true } perKg)
        {
            var low = double.Parse(perKg.Groups["low"].Value, CultureInfo.InvariantCulture);
            var high = perKg.Groups["high"].Success ? double.Parse(perKg.Groups["high"].Value, CultureInfo.InvariantCulture) : low;
            var unit = perKg.Groups["unit"].Value;
            var per = perKg.Groups["per"].Success ? perKg.Groups["per"].Value : "";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"At your body weight of about {weight:0} kg, {Range(low, high)} {unit}/kg{per} works out to roughly {Range(low * weight, high * weight, 0)} {unit}{per}."));
        }

        // A sentence the passages address to the user's level, goal, age or sex, not already used.
        var personal = PersonalStems(profile);
        if (personal.Count > 0)
        {
            foreach (var (doc, sentences) in candidates)
            {
                var match = sentences.FirstOrDefault(s => s.PersonalHits > 0 && s.BaseScore > 0 && !used.Contains(s.Text) && !NearDuplicate(s.Text, used));
                if (match is null)
                {
                    continue;
                }

                var number = Cite(cited, passages, doc);
                used.Add(match.Text);
                lines.Add($"{Because(profile)}, this applies to you: {match.Text} [{number}]");
                break;
            }
        }

        // Injured regions the question or the passages touch.
        foreach (var region in profile.Injuries)
        {
            var words = RegionWords(region);
            if (!words.Any(w => question.Contains(w, StringComparison.OrdinalIgnoreCase) || allText.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var name = region.Replace('_', ' ');
            lines.Add($"You have listed a {name} problem: keep any movement here pain-free or only mildly uncomfortable (at most about 3 out of 10 that settles by the next day), and get it assessed if it is worsening.");
            break;
        }

        // Training days when the question is about scheduling.
        if (profile.DaysPerWeek is int days && AboutScheduling(question))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"With the {days} training days a week in your profile, plan the weekly volume above across those {days} sessions rather than adding days."));
        }

        // What the log shows when the question is about load, recovery or progress.
        var training = context.Training;
        if (AboutLoad(question))
        {
            lines.Add(training.WorkoutsLast28Days > 0
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Your log shows {training.WorkoutsLast28Days} workouts in the last four weeks (about {training.WorkoutsPerWeek:0.#} a week, {training.HardSetsLast28Days} working sets)") +
                  (training.AverageSessionRpe is double rpe ? string.Create(CultureInfo.InvariantCulture, $" at an average session RPE of {rpe:0.#}") : "") + "."
                : "You have no workouts logged in the last four weeks, so start at the low end of these ranges and build up.");
        }

        return lines;
    }

    /// <summary>
    /// Marks the passage cited and returns its number: its position in the passages the answer was given, which are
    /// also the sources the response lists, so [n] always points at the n-th source.
    /// </summary>
    private static int Cite(List<KnowledgePassage> cited, IReadOnlyList<KnowledgePassage> passages, KnowledgePassage doc)
    {
        if (!cited.Exists(c => c.Id == doc.Id))
        {
            cited.Add(doc);
        }

        var index = -1;
        for (var i = 0; i < passages.Count && index < 0; i++)
        {
            if (passages[i].Id == doc.Id)
            {
                index = i;
            }
        }

        return index + 1;
    }

    private static string Because(UserProfile profile)
    {
        var parts = new List<string>();
        if (profile.Experience is not null)
        {
            parts.Add($"as {(profile.Experience == "intermediate" ? "an" : "a")} {profile.Experience} lifter");
        }

        if (profile.Goals.Count > 0)
        {
            parts.Add("with " + string.Join(" and ", profile.Goals.Select(g => g.Replace('_', ' '))) + " as your goal" + (profile.Goals.Count > 1 ? "s" : ""));
        }

        if (parts.Count == 0 && profile.Age is int age && age >= 40)
        {
            parts.Add("in your " + (age / 10 * 10).ToString(CultureInfo.InvariantCulture) + "s");
        }

        if (parts.Count == 0 && profile.Sex is "female")
        {
            parts.Add("as a woman who lifts");
        }

        var text = parts.Count == 0 ? "given your profile" : string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string TextOf(KnowledgePassage doc) => string.IsNullOrWhiteSpace(doc.Text) ? doc.Snippet : doc.Text;

    private static List<RankedSentence> Rank(KnowledgePassage doc, Dictionary<string, double> weights, FrozenSet<string> personal)
    {
        var text = TextOf(doc);
        var sentences = new List<RankedSentence>();
        var position = 0;
        foreach (var raw in SentenceSplitter.Split(text))
        {
            var sentence = Clean(raw);
            position++;
            if (sentence.Length < MinSentenceChars || sentence.Length > MaxSentenceChars || sentence.Count(c => c == ';') > 2 || sentence.EndsWith(':'))
            {
                continue; // fragments, walls of text, table rows, and list introductions without their list
            }

            var stems = Stems(sentence);
            double score = 0;
            var matches = 0;
            foreach (var stem in stems)
            {
                if (weights.TryGetValue(stem, out var weight) || weights.TryGetValue("~" + stem, out weight))
                {
                    score += weight;
                    matches++;
                }
            }

            var personalHits = stems.Count(personal.Contains);
            if (score == 0)
            {
                sentences.Add(new RankedSentence(sentence, position, 0, personalHits, 0));
                continue; // shares no word with the question: never said as if it answered it
            }

            if (doc.Snippet.Contains(sentence, StringComparison.Ordinal) || sentence.Contains(doc.Snippet, StringComparison.Ordinal))
            {
                score += 0.5; // the retriever's own pick
            }

            if (ContainsNumber(sentence))
            {
                score += 0.25; // concrete prescriptions over generalities
            }

            if (LeansOnContext().IsMatch(sentence))
            {
                score *= 0.6; // "It…", "This…": needs the sentence before it to make sense
            }

            if (LabelledRow().IsMatch(sentence))
            {
                score *= 0.75; // a table row or bullet label: fine as a point, weak as prose
            }

            sentences.Add(new RankedSentence(sentence, position, score, personalHits, matches));
        }

        return [.. sentences.OrderByDescending(s => s.Score).ThenBy(s => s.Position)];
    }

    private static string Clean(string sentence)
    {
        var s = sentence.Trim().TrimStart('•', '-', ' ');
        var end = s.TrimEnd('"', '”', '\'', '’', ')');
        if (s.Length > 0 && end.Length > 0 && !".!?…:".Contains(end[^1], StringComparison.Ordinal))
        {
            s += ".";
        }

        return s;
    }

    private static bool NearDuplicate(string sentence, HashSet<string> used)
    {
        var stems = Stems(sentence);
        if (stems.Count == 0)
        {
            return true;
        }

        foreach (var other in used)
        {
            var otherStems = Stems(other);
            var overlap = stems.Count(otherStems.Contains);
            if (overlap >= 0.7 * Math.Min(stems.Count, otherStems.Count))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A text's stems, memoised: the same corpus sentences are weighed, ranked and compared many times per answer and
    /// across answers. Bounded (<see cref="MaxCachedStemSets"/>, least recently used out first), so arbitrary question
    /// text can neither grow it without limit nor fill it for good and leave the corpus sentences re-stemmed.
    /// </summary>
    internal static FrozenSet<string> Stems(string text)
    {
        if (StemCache.TryGetValue(text, out FrozenSet<string>? cached))
        {
            return cached!;
        }

        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words().Matches(text.ToLowerInvariant()).Select(m => m.Value))
        {
            if (!Filler.Contains(word) && (word.Length > 2 || char.IsDigit(word[0])))
            {
                stems.Add(word.Length > 5 ? word[..5] : word.TrimEnd('s'));
            }
        }

        var frozen = stems.ToFrozenSet(StringComparer.Ordinal);
        StemCache.Set(text, frozen, StemEntry);
        return frozen;
    }

    /// <summary>How many texts' stems are memoised now.</summary>
    internal static int CachedStemSets => StemCache.Count;

    internal static bool IsStemmed(string text) => StemCache.TryGetValue(text, out _);

    private static FrozenSet<string> PersonalStems(UserProfile profile)
    {
        var words = new List<string>();
        switch (profile.Experience)
        {
            case "beginner":
                words.AddRange(["beginner", "novice", "new lifter", "untrained"]);
                break;
            case "intermediate":
                words.AddRange(["intermediate"]);
                break;
            case "advanced":
                words.AddRange(["advanced", "experienced", "trained lifter", "well-trained"]);
                break;
        }

        foreach (var goal in profile.Goals)
        {
            words.AddRange(goal switch
            {
                "strength" => ["strength", "stronger", "heavy"],
                "hypertrophy" => ["hypertrophy", "muscle growth", "muscle size"],
                "fat_loss" => ["fat loss", "deficit", "lose fat"],
                "endurance" => ["endurance", "aerobic"],
                "mobility" => ["mobility", "flexibility", "range of motion"],
                "sport_performance" => ["athlete", "sport", "power"],
                _ => ["general"],
            });
        }

        if (profile.Age is >= 50)
        {
            words.AddRange(["older", "older adults", "aging"]);
        }

        if (profile.Sex == "female")
        {
            words.AddRange(["women", "female"]);
        }

        return Stems(string.Join(' ', words));
    }

    private static IEnumerable<string> RegionWords(string region) => region switch
    {
        "lower_back" => ["back", "lumbar", "spine", "deadlift"],
        "upper_back" => ["upper back", "thoracic"],
        "wrist_hand" => ["wrist", "hand", "grip"],
        "knee" => ["knee", "squat", "lunge"],
        "shoulder" => ["shoulder", "overhead", "bench", "press"],
        "hip" => ["hip", "squat", "hinge"],
        "elbow" => ["elbow", "curl", "press"],
        "ankle" => ["ankle", "calf"],
        _ => [region.Replace('_', ' ')],
    };

    private static bool AboutScheduling(string question) =>
        SchedulingWords().IsMatch(question);

    private static bool AboutLoad(string question) =>
        LoadWords().IsMatch(question);

    private static bool ContainsNumber(string text) => text.Any(char.IsDigit);

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Range(double low, double high, int decimals = 1)
    {
        var format = decimals == 0 ? "0" : "0.#";
        return Math.Abs(high - low) < 1e-9
            ? low.ToString(format, CultureInfo.InvariantCulture)
            : $"{low.ToString(format, CultureInfo.InvariantCulture)}–{high.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex(@"^(It|This|That|These|Those|They|Them|He|She|Here|There|Such|Both|Also|However|But|And|So)\b|^If [^,]{0,60}\bit\b")]
    private static partial Regex LeansOnContext();

    [GeneratedRegex(@"^[\w\s/()'’+%-]{1,40}: [^.]*[,;][^.]*[,;]")]
    private static partial Regex LabelledRow();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Words();



    [GeneratedRegex(@"(?<low>\d+(?:\.\d+)?)\s*(?:[–-]|to)\s*(?<high>\d+(?:\.\d+)?)?\s*(?<unit>g|mg|ml)\s*(?:/|per)\s*kg(?<per>(?: a day| per day|/day| per meal| daily)?)|(?<low>\d+(?:\.\d+)?)\s*(?<unit>g|mg|ml)\s*(?:/|per)\s*kg(?<per>(?: a day| per day|/day| per meal| daily)?)", RegexOptions.IgnoreCase)]
    private static partial Regex PerKilogram();

    [GeneratedRegex(@"\b(how often|days? (a|per) week|times? (a|per) week|frequency|split|schedule|routine|program)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchedulingWords();

    [GeneratedRegex(@"\b(volume|sets|overtrain|fatigue|tired|recover|deload|rest day|plateau|stall|stuck|progress|too much|enough)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex LoadWords();

    /// <summary>A sentence stating the asked number: its passage, its 1-based position there, and how well it answers.</summary>
    private sealed record StatedSentence(KnowledgePassage Doc, string Text, int Position, double Score);

    /// <summary><see cref="BaseScore"/> is relevance to the question; <see cref="Score"/> adds the user's level, goal, age or sex.</summary>
    private sealed record RankedSentence(string Text, int Position, double BaseScore, int PersonalHits, int Matches)
    {
        public double Score { get; init; } = BaseScore > 0 ? BaseScore + (0.3 * PersonalHits) : 0;
    }
}
