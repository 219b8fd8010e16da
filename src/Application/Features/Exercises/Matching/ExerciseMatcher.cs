using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>
/// Resolves what people type or say ("db rows", "RDLs", "venture press") to exercises of a list: the shipped catalog
/// or a user's own exercises. Every index is built in the constructor and never changes, so one instance can serve
/// concurrent queries.
/// </summary>
/// <remarks>
/// Names and queries are reduced to canonical words (<see cref="NormalizeKey"/>). Each query word is then looked up
/// in the vocabulary of the list, cut apart when glued, or corrected by edit distance and by a sound key when
/// unknown. An exercise name (or one of its aliases, see <see cref="CatalogAliases"/>) scores by how much of the
/// query it explains and how much of itself the query covers, with words weighted by what they say: "press" counts
/// more than "standing", which counts more than "grip". Named equipment must agree with the exercise's.
/// </remarks>
public sealed class ExerciseMatcher
{
    /// <summary>A match at or above this is accepted; below it, creating a custom exercise is the better outcome.</summary>
    public const double MatchThreshold = 0.72;

    // Part of the score that needs the query to cover the exercise's name; the rest only needs the query explained,
    // so "lat pulldown" still reaches "Wide-Grip Lat Pulldown" while "car" stays far from "Car Deadlift".
    private const double NameCoverageShare = 0.7;

    // Named equipment the exercise lacks costs a little, not everything: "dumbbell goblet squat" still finds the
    // kettlebell Goblet Squat when nothing closer exists.
    private const double EquipmentMismatchFactor = 0.9;

    // How a longer query may carry one word no name explains; see ScoreEntry.
    private const int ForgivingQueryLength = 3;
    private const double ForgivenShare = 0.5;

    // A query of nothing but muscles ("glutes") asks about a muscle; an exact name ("Adductor") still gets through.
    private const double MuscleOnlyFactor = 0.85;

    // An equipment word in a name ("Barbell" in "Barbell Squat") barely counts when the query names no equipment.
    private const float UnaskedEquipmentWeight = 0.3f;
    private const float QueryEquipmentWeight = 0.5f;

    // Below a named match, so "smith calf raise" prefers Smith Machine Calf Raise to another machine's calf raise.
    private const float ImpliedEquipmentSimilarity = 0.9f;

    // What a corrected word is worth next to an exact one: one edit (or the same sound) a little less, two edits
    // (or one sound apart) clearly less, so a single garbled word alone cannot reach the threshold.
    private const float TypoSimilarity = 0.88f;
    private const float ShortTypoSimilarity = 0.85f;
    private const float FarTypoSimilarity = 0.72f;
    private const float SoundSimilarity = 0.88f;
    private const float NearSoundSimilarity = 0.72f;
    private const int MaxCandidatesPerWord = 6;
    private const int MinFuzzyLength = 4;
    private const int LongWordLength = 6;
    private const int MinJoinPartLength = 3;
    private const int MinSoundKeyLength = 3;
    private const int MinNearSoundKeyLength = 4;

    // Entry words are tracked in a 64-bit mask; no exercise name comes near that.
    private const int MaxEntryTokens = 64;

    // Rounding makes equal scores equal, so the documented tie-breaks decide instead of float noise.
    private const int ScoreDecimals = 6;

    // Far below any real difference but above rounding: an exercise's own name beats another's equal alias.
    private const double AliasRankPenalty = 1e-4;

    private static readonly string[] DefaultEquipmentOrder =
    [
        EquipmentVocabulary.Barbell, EquipmentVocabulary.Dumbbell, EquipmentVocabulary.Machine, EquipmentVocabulary.Cable,
        EquipmentVocabulary.Bodyweight, EquipmentVocabulary.Kettlebell, EquipmentVocabulary.EzBar,
    ];

    private readonly Exercise[] _exercises;
    private readonly int[] _equipmentBits;
    private readonly int[] _equipmentPreference;
    private readonly FrozenDictionary<string, int> _tokenIds;
    private readonly FrozenSet<string> _vocabulary;
    private readonly string[] _tokenText;
    private readonly int[] _letterMasks;
    private readonly int[][] _fuzzyTokensByLength;
    private readonly Dictionary<string, int[]> _soundKeys;
    private readonly Dictionary<string, int[]> _soundKeyDeletions;
    private readonly string[] _correctionText;
    private readonly int[] _correctionMasks;
    private readonly int[][] _correctionsByLength;
    private readonly Entry[] _entries;
    private readonly int[][] _postings;

    public ExerciseMatcher(IEnumerable<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        _exercises = [.. exercises];
        _equipmentBits = new int[_exercises.Length];
        _equipmentPreference = new int[_exercises.Length];
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenText = new List<string>();
        var entries = new List<Entry>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);

        for (var index = 0; index < _exercises.Length; index++)
        {
            var exercise = _exercises[index];
            _equipmentBits[index] = EquipmentBit(exercise.Equipment);
            var preference = Array.IndexOf(DefaultEquipmentOrder, exercise.Equipment);
            _equipmentPreference[index] = preference < 0 ? DefaultEquipmentOrder.Length : preference;
            seenNames.Clear();
            AddEntry(index, exercise.Name, isAlias: false);
            if (CatalogAliases.ById.TryGetValue(exercise.Id, out var aliases))
            {
                foreach (var alias in aliases)
                {
                    AddEntry(index, alias, isAlias: true);
                }
            }
        }

        _entries = [.. entries];
        _tokenText = [.. tokenText];
        _tokenIds = tokenIds.ToFrozenDictionary(StringComparer.Ordinal);
        _vocabulary = tokenIds.Keys.ToFrozenSet(StringComparer.Ordinal);
        _postings = BuildPostings(_entries, _tokenText.Length);
        _letterMasks = new int[_tokenText.Length];
        (_fuzzyTokensByLength, _soundKeys, _soundKeyDeletions) = BuildFuzzyIndexes(_tokenText, _letterMasks);
        _correctionText = [.. _tokenText
            .Where(token => token.Length >= MinFuzzyLength && QueryNormalizer.IsLetters(token))
            .Concat(MatchVocabulary.RewrittenWords)
            .Distinct(StringComparer.Ordinal)];
        _correctionMasks = [.. _correctionText.Select(LetterMask)];
        _correctionsByLength = GroupByLength(_correctionText);

        void AddEntry(int exerciseIndex, string name, bool isAlias)
        {
            var tokens = QueryNormalizer.Normalize(name);
            if (tokens.Count == 0 || !seenNames.Add(string.Join(' ', tokens)))
            {
                return;
            }

            var count = Math.Min(tokens.Count, MaxEntryTokens);
            var ids = new int[count];
            var weights = new float[count];
            ulong equipmentPositions = 0;
            float totalAsked = 0;
            float totalUnasked = 0;
            for (var position = 0; position < count; position++)
            {
                var token = tokens[position];
                if (!tokenIds.TryGetValue(token, out var id))
                {
                    id = tokenText.Count;
                    tokenIds[token] = id;
                    tokenText.Add(token);
                }

                ids[position] = id;
                weights[position] = MatchVocabulary.WeightOf(token);
                // "Smith" names a distinct variant, not just the equipment it runs on, so it always counts in full.
                if (MatchVocabulary.EquipmentTokens.ContainsKey(token) && token != "smith")
                {
                    equipmentPositions |= 1UL << position;
                    totalUnasked += UnaskedEquipmentWeight;
                }
                else
                {
                    totalUnasked += weights[position];
                }

                totalAsked += weights[position];
            }

            entries.Add(new Entry(exerciseIndex, isAlias, ids, weights, equipmentPositions, totalAsked, totalUnasked));
        }
    }

    /// <summary>
    /// The canonical form of a query: the words that decide its matches, so equal keys always give equal results
    /// and a cache can be keyed on it. "DB  Bench-Press!" and "dumbbell bench press" share one key; an equipment
    /// hint joins the key only when the query names no equipment itself.
    /// </summary>
    public static string NormalizeKey(string query, string? equipment = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(' ', QueryNormalizer.Normalize(query, equipment));
    }

    /// <summary>
    /// The best matching exercises, best first, at most <paramref name="limit"/>, including ones below
    /// <see cref="MatchThreshold"/> so a caller can offer suggestions. <paramref name="equipment"/> (contract
    /// vocabulary) has the same effect as naming that equipment in the query.
    /// </summary>
    public IReadOnlyList<ExerciseMatch> Match(string query, string? equipment = null, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var tokens = QueryNormalizer.Normalize(query, equipment);
        return tokens.Count == 0 ? [] : MatchTokens(tokens, limit);
    }

    /// <summary>The best match when it reaches <see cref="MatchThreshold"/>; otherwise null.</summary>
    public ExerciseMatch? BestMatch(string query, string? equipment = null)
    {
        var matches = Match(query, equipment, 1);
        return matches.Count > 0 && matches[0].Score >= MatchThreshold ? matches[0] : null;
    }

    private static int EquipmentBit(string? equipment)
    {
        if (equipment is null)
        {
            return 0;
        }

        for (var i = 0; i < EquipmentVocabulary.All.Count; i++)
        {
            if (string.Equals(EquipmentVocabulary.All[i], equipment, StringComparison.Ordinal))
            {
                return 1 << i;
            }
        }

        return 0;
    }

    private static int[][] BuildPostings(Entry[] entries, int tokenCount)
    {
        var lists = new List<int>[tokenCount];
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var token in entries[e].Tokens)
            {
                (lists[token] ??= []).Add(e);
            }
        }

        var postings = new int[tokenCount][];
        for (var t = 0; t < tokenCount; t++)
        {
            postings[t] = lists[t] is { } list ? [.. list] : [];
        }

        return postings;
    }

    private static (int[][] ByLength, Dictionary<string, int[]> SoundKeys, Dictionary<string, int[]> Deletions)
        BuildFuzzyIndexes(string[] tokenText, int[] letterMasks)
    {
        var byLength = new List<List<int>>();
        var soundKeys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var deletions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < tokenText.Length; id++)
        {
            var text = tokenText[id];
            if (text.Length < 3 || !QueryNormalizer.IsLetters(text))
            {
                continue;
            }

            letterMasks[id] = LetterMask(text);
            while (byLength.Count <= text.Length)
            {
                byLength.Add([]);
            }

            byLength[text.Length].Add(id);
            var key = TokenDistance.SoundKey(text);
            if (key.Length < MinSoundKeyLength)
            {
                continue;
            }

            AddTo(soundKeys, key, id);
            if (key.Length >= MinNearSoundKeyLength)
            {
                for (var i = 0; i < key.Length; i++)
                {
                    AddTo(deletions, key.Remove(i, 1), id);
                }
            }
        }

        return (
            [.. byLength.Select(list => list.ToArray())],
            soundKeys.ToDictionary(pair => pair.Key, pair => pair.Value.Distinct().ToArray(), StringComparer.Ordinal),
            deletions.ToDictionary(pair => pair.Key, pair => pair.Value.Distinct().ToArray(), StringComparer.Ordinal));

        static void AddTo(Dictionary<string, List<int>> index, string key, int id)
        {
            if (!index.TryGetValue(key, out var ids))
            {
                ids = [];
                index[key] = ids;
            }

            ids.Add(id);
        }
    }

    private static int[][] GroupByLength(string[] words)
    {
        var longest = words.Length == 0 ? 0 : words.Max(word => word.Length);
        var groups = new List<int>[longest + 1];
        for (var i = 0; i < words.Length; i++)
        {
            (groups[words[i].Length] ??= []).Add(i);
        }

        return [.. groups.Select(group => group is null ? Array.Empty<int>() : group.ToArray())];
    }

    private static int LetterMask(string text)
    {
        var mask = 0;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z')
            {
                mask |= 1 << (c - 'a');
            }
        }

        return mask;
    }

    private List<ExerciseMatch> MatchTokens(List<string> normalized, int limit)
    {
        var tokens = CorrectTypos(normalized, out var correction);
        var terms = BuildTerms(tokens, out var equipmentMask);
        double queryTotal = 0;
        foreach (var term in terms)
        {
            queryTotal += term.Weight;
        }

        var equipmentAsked = equipmentMask != 0;
        var rank = ArrayPool<double>.Shared.Rent(_exercises.Length);
        var confidence = ArrayPool<double>.Shared.Rent(_exercises.Length);
        var touched = ArrayPool<int>.Shared.Rent(_exercises.Length);
        var seen = ArrayPool<ulong>.Shared.Rent((_entries.Length + 63) / 64);
        try
        {
            Array.Clear(rank, 0, _exercises.Length);
            Array.Clear(seen, 0, (_entries.Length + 63) / 64);
            var touchedCount = 0;
            foreach (var term in terms)
            {
                foreach (var candidate in term.Candidates)
                {
                    foreach (var entryIndex in _postings[candidate.Token])
                    {
                        ref var word = ref seen[entryIndex >> 6];
                        var bit = 1UL << (entryIndex & 63);
                        if ((word & bit) != 0)
                        {
                            continue;
                        }

                        word |= bit;
                        var entry = _entries[entryIndex];
                        var exerciseEquipment = _equipmentBits[entry.Exercise];
                        var score = ScoreEntry(entry, terms, queryTotal, equipmentAsked, exerciseEquipment);
                        if (entry.IsAlias)
                        {
                            score = score with { Rank = score.Rank - AliasRankPenalty };
                        }

                        if (score.Rank > rank[entry.Exercise])
                        {
                            if (rank[entry.Exercise] == 0)
                            {
                                touched[touchedCount++] = entry.Exercise;
                            }

                            rank[entry.Exercise] = score.Rank;
                            confidence[entry.Exercise] = score.Confidence;
                        }
                    }
                }
            }

            var scale = correction * (IsOnlyMuscles(tokens) ? MuscleOnlyFactor : 1.0);
            return TopMatches(rank, confidence, touched.AsSpan(0, touchedCount), limit, scale);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rank);
            ArrayPool<double>.Shared.Return(confidence);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<ulong>.Shared.Return(seen);
        }
    }

    /// <summary>
    /// Replaces each unknown word that is one edit away from exactly one known word by that word, and applies the
    /// rewrites again, so misspelt words can still take part in them. The typos cost what a typo costs in
    /// <paramref name="factor"/>; unknown words with no single correction are left for <see cref="BuildTerms"/>.
    /// </summary>
    private List<string> CorrectTypos(List<string> tokens, out double factor)
    {
        factor = 1;
        List<string>? corrected = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length < MinFuzzyLength || _tokenIds.ContainsKey(token) || !QueryNormalizer.IsLetters(token))
            {
                continue;
            }

            // Stemming took the "s" off "prses" as if it were a plural; with it put back, it is one swap from "press".
            var target = SingleCorrection(token) ?? SingleCorrection(token + "s");
            if (target is null)
            {
                continue;
            }

            corrected ??= [.. tokens];
            corrected[i] = target;
            factor *= token.Length > MinFuzzyLength ? TypoSimilarity : ShortTypoSimilarity;
        }

        if (corrected is null)
        {
            return tokens;
        }

        QueryNormalizer.Renormalize(corrected);
        return corrected;
    }

    private string? SingleCorrection(string token)
    {
        string? found = null;
        var mask = LetterMask(token);
        var lengthTo = Math.Min(_correctionsByLength.Length - 1, token.Length + 1);
        for (var length = token.Length - 1; length <= lengthTo; length++)
        {
            foreach (var index in _correctionsByLength[length])
            {
                if (BitOperations.PopCount((uint)(mask ^ _correctionMasks[index])) > 2
                    || TokenDistance.Bounded(token, _correctionText[index], 1) > 1)
                {
                    continue;
                }

                if (found is not null)
                {
                    return null;
                }

                found = _correctionText[index];
            }
        }

        return found;
    }

    // "glutes" or "biceps" names a muscle to train, not an exercise, though "Seated Glute" is a catalog stretch.
    private static bool IsOnlyMuscles(List<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (!MatchVocabulary.MuscleWords.Contains(token))
            {
                return false;
            }
        }

        return true;
    }

    private List<ExerciseMatch> TopMatches(
        double[] rank, double[] confidence, ReadOnlySpan<int> touched, int limit, double scale)
    {
        var top = new List<int>(Math.Min(limit, touched.Length) + 1);
        foreach (var candidate in touched)
        {
            if (top.Count == limit && !IsBetter(candidate, top[^1], rank))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && IsBetter(candidate, top[at - 1], rank))
            {
                at--;
            }

            top.Insert(at, candidate);
            if (top.Count > limit)
            {
                top.RemoveAt(top.Count - 1);
            }
        }

        // Confidence may forgive what rank does not; capping each by the one above keeps the scores descending.
        var matches = new List<ExerciseMatch>(top.Count);
        var ceiling = 1.0;
        foreach (var index in top)
        {
            ceiling = Math.Min(ceiling, Math.Round(confidence[index] * scale, ScoreDecimals));
            matches.Add(new ExerciseMatch(_exercises[index], ceiling));
        }

        return matches;
    }

    // Equal ranks go to the lifter's default equipment (a bare "press" is a barbell press), then to the shorter
    // name (the plainer exercise), then to the id, so results never depend on the order of the list.
    private bool IsBetter(int candidate, int incumbent, double[] rank)
    {
        if (rank[candidate] != rank[incumbent])
        {
            return rank[candidate] > rank[incumbent];
        }

        if (_equipmentPreference[candidate] != _equipmentPreference[incumbent])
        {
            return _equipmentPreference[candidate] < _equipmentPreference[incumbent];
        }

        var lengths = _exercises[candidate].Name.Length.CompareTo(_exercises[incumbent].Name.Length);
        return lengths != 0
            ? lengths < 0
            : string.CompareOrdinal(_exercises[candidate].Id, _exercises[incumbent].Id) < 0;
    }

    /// <summary>
    /// Rank orders candidates by how much of the query and of the name agree. Confidence, which decides acceptance,
    /// additionally forgives half of one unexplained word in a query of three words or more ("walking lunge
    /// dumbbell", "tricep pushdown cable straight bar"), but never in a two-word query, where it would let "leg day"
    /// through.
    /// </summary>
    private static EntryScore ScoreEntry(
        Entry entry, Term[] terms, double queryTotal, bool equipmentAsked, int exerciseEquipment)
    {
        var namedEquipment = false;
        ulong used = 0;
        double matchedQuery = 0;
        double matchedName = 0;
        double unexplained = 0;
        foreach (var term in terms)
        {
            var bestSimilarity = 0f;
            var bestPosition = -1;
            for (var position = 0; position < entry.Tokens.Length; position++)
            {
                if ((used & (1UL << position)) != 0)
                {
                    continue;
                }

                var similarity = term.SimilarityTo(entry.Tokens[position]);
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    bestPosition = position;
                }
            }

            if (bestPosition < 0)
            {
                // "leg press machine" is fully explained by Leg Press, a machine exercise, though its name does not
                // say so.
                if ((term.EquipmentBit & exerciseEquipment) != 0)
                {
                    matchedQuery += term.Weight * ImpliedEquipmentSimilarity;
                    namedEquipment = true;
                }
                else if (!term.IsEquipment)
                {
                    unexplained += term.Weight;
                }

                continue;
            }

            if (!term.IsEquipment)
            {
                unexplained += term.Weight * (1 - bestSimilarity);
            }

            used |= 1UL << bestPosition;
            matchedQuery += term.Weight * bestSimilarity;
            matchedName += entry.WeightAt(bestPosition, equipmentAsked) * bestSimilarity;
            namedEquipment |= term.IsEquipment;
        }

        var nameFactor = 1 - NameCoverageShare
            + (NameCoverageShare * matchedName / (equipmentAsked ? entry.TotalAsked : entry.TotalUnasked));
        if (equipmentAsked && !namedEquipment)
        {
            nameFactor *= EquipmentMismatchFactor;
        }

        var forgiven = terms.Length >= ForgivingQueryLength ? Math.Min(unexplained, 1) * ForgivenShare : 0;
        return new EntryScore(
            Math.Round(Math.Clamp(matchedQuery / queryTotal * nameFactor, 0, 1), ScoreDecimals),
            Math.Round(Math.Clamp(matchedQuery / (queryTotal - forgiven) * nameFactor, 0, 1), ScoreDecimals));
    }

    private Term[] BuildTerms(List<string> tokens, out int equipmentMask)
    {
        equipmentMask = 0;
        var terms = new List<Term>(tokens.Count + 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (MatchVocabulary.EquipmentTokens.TryGetValue(token, out var equipment))
            {
                equipmentMask |= EquipmentBit(equipment);
                terms.Add(new Term(QueryEquipmentWeight, EquipmentBit(equipment), ExactCandidates(token)));
                continue;
            }

            var known = IsKnown(token);
            if (i + 1 < tokens.Count && !(known && IsKnown(tokens[i + 1]))
                && TryJoin(token, tokens[i + 1], known, out var joined))
            {
                terms.Add(joined);
                i++;
                continue;
            }

            if (known)
            {
                terms.Add(new Term(MatchVocabulary.QueryWeightOf(token), 0, ExactCandidates(token)));
                continue;
            }

            AddUnknown(token, terms);
        }

        return [.. terms];
    }

    private bool IsKnown(string token) => _tokenIds.ContainsKey(token) || MatchVocabulary.IsNumber(token);

    /// <summary>
    /// Two words that belong together when one of them is unknown: "dead left" is a misheard "deadlift" and
    /// "skull crusers" a misspelt "skullcrusher", though neither half says so alone.
    /// </summary>
    private bool TryJoin(string first, string second, bool firstKnown, out Term joined)
    {
        joined = null!;
        if (MatchVocabulary.EquipmentTokens.ContainsKey(second) || MatchVocabulary.IsNumber(first)
            || MatchVocabulary.IsNumber(second))
        {
            return false;
        }

        var word = first + second;
        if (_tokenIds.ContainsKey(word))
        {
            joined = new Term(MatchVocabulary.QueryWeightOf(word), 0, ExactCandidates(word));
            return true;
        }

        // Both halves must be words: "z press" is not a misspelt "press".
        if (first.Length < MinJoinPartLength || second.Length < MinJoinPartLength)
        {
            return false;
        }

        var candidates = FuzzyCandidates(word);
        if (candidates.Length == 0 || candidates[0].Similarity < TypoSimilarity)
        {
            return false;
        }

        var alone = FuzzyCandidates(firstKnown ? second : first);
        if (alone.Length > 0 && alone[0].Similarity > candidates[0].Similarity)
        {
            return false;
        }

        joined = new Term(MatchVocabulary.CoreWeight, 0, candidates);
        return true;
    }

    private void AddUnknown(string token, List<Term> terms)
    {
        var parts = new List<string>(3) { token };
        QueryNormalizer.SplitGlued(parts, _vocabulary);
        if (parts.Count > 1)
        {
            foreach (var part in parts)
            {
                var candidates = _tokenIds.ContainsKey(part) ? ExactCandidates(part) : FuzzyCandidates(part);
                terms.Add(new Term(MatchVocabulary.QueryWeightOf(part), 0, candidates));
            }

            return;
        }

        var fuzzy = FuzzyCandidates(token);
        if (fuzzy.Length == 0 && TrySplitWithTypo(token, terms))
        {
            return;
        }

        terms.Add(new Term(MatchVocabulary.QueryWeightOf(token), 0, fuzzy));
    }

    /// <summary>
    /// A glued word with a typo in its second half ("benchpres", stemmed to "benchpre"): a known first half and a
    /// second half that edit distance can place, with the plural "s" stemming took put back if that helps.
    /// </summary>
    private bool TrySplitWithTypo(string token, List<Term> terms)
    {
        if (!QueryNormalizer.IsLetters(token))
        {
            return false;
        }

        string? bestHead = null;
        Candidate[] bestTail = [];
        for (var cut = 3; cut <= token.Length - 3; cut++)
        {
            var head = token[..cut];
            if (!_tokenIds.ContainsKey(head))
            {
                continue;
            }

            var tail = token[cut..];
            var candidates = FuzzyCandidates(tail);
            if (candidates.Length == 0)
            {
                candidates = FuzzyCandidates(tail + "s");
            }

            if (candidates.Length > 0 && (bestTail.Length == 0 || candidates[0].Similarity > bestTail[0].Similarity))
            {
                bestHead = head;
                bestTail = candidates;
            }
        }

        if (bestHead is null)
        {
            return false;
        }

        terms.Add(new Term(MatchVocabulary.QueryWeightOf(bestHead), 0, ExactCandidates(bestHead)));
        terms.Add(new Term(MatchVocabulary.CoreWeight, 0, bestTail));
        return true;
    }

    private Candidate[] ExactCandidates(string token) =>
        _tokenIds.TryGetValue(token, out var id) ? [new Candidate(id, 1f)] : [];

    private Candidate[] FuzzyCandidates(string token)
    {
        if (token.Length < MinFuzzyLength || !QueryNormalizer.IsLetters(token))
        {
            return [];
        }

        var found = new Dictionary<int, float>();
        var maxDistance = token.Length >= LongWordLength ? 2 : 1;
        var mask = LetterMask(token);
        var lengthFrom = Math.Max(3, token.Length - maxDistance);
        var lengthTo = Math.Min(_fuzzyTokensByLength.Length - 1, token.Length + maxDistance);
        for (var length = lengthFrom; length <= lengthTo; length++)
        {
            foreach (var id in _fuzzyTokensByLength[length])
            {
                // Each edit adds or removes at most one letter from the set of letters used; a cheap first cut.
                if (BitOperations.PopCount((uint)(mask ^ _letterMasks[id])) > 2 * maxDistance)
                {
                    continue;
                }

                var distance = TokenDistance.Bounded(token, _tokenText[id], maxDistance);
                if (distance <= maxDistance)
                {
                    var similarity = distance > 1 ? FarTypoSimilarity
                        : token.Length > MinFuzzyLength ? TypoSimilarity : ShortTypoSimilarity;
                    Keep(found, id, similarity);
                }
            }
        }

        AddSoundCandidates(token, found);
        return [.. found
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(MaxCandidatesPerWord)
            .Select(pair => new Candidate(pair.Key, pair.Value))];
    }

    private void AddSoundCandidates(string token, Dictionary<int, float> found)
    {
        var key = TokenDistance.SoundKey(token);
        if (key.Length < MinSoundKeyLength)
        {
            return;
        }

        KeepAll(_soundKeys, key, SoundSimilarity);
        if (key.Length < MinNearSoundKeyLength)
        {
            return;
        }

        // One sound more, one fewer, or one different: "branch" (prnj) is near "bench" (pnj).
        KeepAll(_soundKeyDeletions, key, NearSoundSimilarity);
        for (var i = 0; i < key.Length; i++)
        {
            var shorter = key.Remove(i, 1);
            KeepAll(_soundKeys, shorter, NearSoundSimilarity);
            KeepAll(_soundKeyDeletions, shorter, NearSoundSimilarity);
        }

        void KeepAll(Dictionary<string, int[]> index, string soundKey, float similarity)
        {
            if (index.TryGetValue(soundKey, out var ids))
            {
                foreach (var id in ids)
                {
                    Keep(found, id, similarity);
                }
            }
        }
    }

    private static void Keep(Dictionary<int, float> found, int id, float similarity)
    {
        if (!found.TryGetValue(id, out var current) || current < similarity)
        {
            found[id] = similarity;
        }
    }

    private readonly record struct Candidate(int Token, float Similarity);

    private readonly record struct EntryScore(double Rank, double Confidence);

    private sealed class Term(float weight, int equipmentBit, Candidate[] candidates)
    {
        public float Weight { get; } = weight;

        /// <summary>The contract equipment this query word names, as a bit; 0 for other words.</summary>
        public int EquipmentBit { get; } = equipmentBit;

        public bool IsEquipment => EquipmentBit != 0;

        public Candidate[] Candidates { get; } = candidates;

        public float SimilarityTo(int token)
        {
            var best = 0f;
            foreach (var candidate in Candidates)
            {
                if (candidate.Token == token && candidate.Similarity > best)
                {
                    best = candidate.Similarity;
                }
            }

            return best;
        }
    }

    private sealed class Entry(
        int exercise,
        bool isAlias,
        int[] tokens,
        float[] weights,
        ulong equipmentPositions,
        float totalAsked,
        float totalUnasked)
    {
        public int Exercise { get; } = exercise;

        public bool IsAlias { get; } = isAlias;

        public int[] Tokens { get; } = tokens;

        public float TotalAsked { get; } = totalAsked;

        public float TotalUnasked { get; } = totalUnasked;

        /// <summary>
        /// A name's equipment word matters only when the query names equipment; otherwise "squat" would lose to
        /// every one-word squat for the "Barbell" in "Barbell Squat".
        /// </summary>
        public float WeightAt(int position, bool equipmentAsked) =>
            !equipmentAsked && (equipmentPositions & (1UL << position)) != 0 ? UnaskedEquipmentWeight : weights[position];
    }
}
