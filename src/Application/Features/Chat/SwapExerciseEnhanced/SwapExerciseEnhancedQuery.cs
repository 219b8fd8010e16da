using System.Globalization;
using System.Text;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Chat.Reading;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Exercises.Substitutes;
using FitCoach.Domain.Exercises;
using FitCoach.Application.Common.Exceptions;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Chat.SwapExerciseEnhanced;

/// <summary>
/// <c>POST /api/chat/swap-exercise-enhanced {message}</c>: a swap asked in everyday words ("no rack at home, swap my
/// squats, I only have dumbbells"). The message is read for the exercise, the equipment at hand or ruled out, and a
/// painful region (<see cref="SwapTextReader"/>); the exercise is resolved like create-or-match (never created); the
/// substitutes respect all of it; the explanation says what was read; passages from exercise-substitution are cited.
/// </summary>
public sealed record SwapExerciseEnhancedQuery(string UserId, string Message, int Limit)
    : IQuery<SwapExerciseEnhancedResponse>, IRateLimited, IRagAware
{
    public const int DefaultLimit = 5;

    public string RateLimitGroup => RateLimitGroups.AiOther;

    public string RagQuery => Message;

    public IReadOnlyList<string> RagNamespaces { get; } = [KnowledgeNamespaces.ExerciseSubstitution];

    public int RagTopK => 3;
}

/// <param name="Equipment">The equipment the substitutes were limited to (null: no limit read from the message).</param>
/// <param name="ExcludedEquipment">Equipment the message ruled out ("no barbell", "no rack").</param>
/// <param name="Injuries">Painful body regions read from the message, whose loading patterns were left out.</param>
public sealed record SwapExerciseEnhancedResponse(
    ExerciseDto Original,
    IReadOnlyList<SubstituteDto> Substitutes,
    string Explanation,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyCollection<string>? Equipment,
    IReadOnlyList<string> ExcludedEquipment,
    IReadOnlyList<string> Injuries);

public sealed class SwapExerciseEnhancedQueryHandler(
    ExerciseLookup exercises,
    ExerciseMatcher matcher,
    SubstitutionEngine engine,
    RagContext rag,
    IMapper mapper)
    : IRequestHandler<SwapExerciseEnhancedQuery, SwapExerciseEnhancedResponse>
{
    /// <summary>A word run scanned from the whole message must match at least this well to be taken as the exercise.</summary>
    private const double ScanThreshold = 0.8;

    private static readonly HashSet<string> NotExerciseWords = new(StringComparer.Ordinal)
    {
        "swap", "switch", "replace", "my", "the", "i", "only", "have", "got", "a", "an", "no", "at", "home", "gym", "with",
        "for", "to", "can", "can't", "cant", "do", "it", "is", "and", "or", "but", "instead", "of", "something", "else",
        "what", "should", "could", "please", "pls", "just", "some", "any", "me", "give", "alternative", "alternatives",
        "because", "since", "hurts", "hurt", "pain", "rack", "equipment", "today", "this", "week", "use", "using",
    };

    public async Task<SwapExerciseEnhancedResponse> Handle(SwapExerciseEnhancedQuery request, CancellationToken cancellationToken)
    {
        var read = SwapTextReader.Read(request.Message);
        var original = await ResolveAsync(request.UserId, read.ExercisePhrase, request.Message, cancellationToken)
            ?? throw new RequestValidationException("message",
                "No exercise found in the message: name the one to swap, e.g. \"swap my back squats, I only have dumbbells\".");
        var result = engine.Find(original, new SubstitutionFilters(read.Allowed, read.Injuries), request.Limit);
        var substitutes = mapper.Map<List<SubstituteDto>>(result.Substitutes);
        return new SwapExerciseEnhancedResponse(
            mapper.Map<ExerciseDto>(original),
            substitutes,
            Explain(original, read, result),
            mapper.Map<List<SourceDto>>(rag.Passages),
            read.Allowed?.Order(StringComparer.Ordinal).ToList(),
            read.Excluded,
            read.Injuries);
    }

    private async Task<Exercise?> ResolveAsync(string userId, string? phrase, string message, CancellationToken cancellationToken)
    {
        if (phrase is not null && await exercises.FindAsync(userId, phrase, cancellationToken) is { } named)
        {
            return named.Exercise;
        }

        // No phrase pattern found it: the best-matching run of words anywhere in the message, longer runs first.
        var words = message.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '!', '?', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\''))
            .ToArray();
        ExerciseMatch? best = null;
        for (var length = Math.Min(4, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                var run = words.AsSpan(start, length);
                if (NotExerciseWords.Contains(run[0]) || NotExerciseWords.Contains(run[^1]) || EquipmentVocabulary.Normalize(string.Join(' ', run.ToArray())) is not null)
                {
                    continue;
                }

                if (matcher.BestMatch(string.Join(' ', run.ToArray())) is { Score: >= ScanThreshold } found && (best is null || found.Score > best.Score))
                {
                    best = found;
                }
            }
        }

        return best?.Exercise;
    }

    private static string Explain(Exercise original, SwapText read, SubstitutionResult result)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Swapping {original.Name}");
        var limits = new List<string>();
        if (read.Allowed is { } allowed)
        {
            limits.Add($"using only {string.Join(", ", allowed.Order(StringComparer.Ordinal)).Replace('_', ' ')}");
        }

        if (read.Excluded.Count > 0)
        {
            limits.Add($"no {string.Join(" or ", read.Excluded).Replace('_', ' ')}");
        }

        if (read.Injuries.Count > 0)
        {
            limits.Add($"nothing that loads your {string.Join(" or ", read.Injuries).Replace('_', ' ')}");
        }

        sb.Append(limits.Count > 0 ? $" ({string.Join("; ", limits)})." : ".");
        if (result.Substitutes.Count == 0)
        {
            sb.Append(" Nothing in the catalog works the same main muscle within those limits");
            sb.Append(read.Injuries.Count > 0 ? ": with a painful region, rest it from loading and ask a physiotherapist what you can train." : "; try allowing more equipment.");
            return sb.ToString();
        }

        var top = result.Substitutes[0];
        sb.Append(CultureInfo.InvariantCulture, $" Best fit: {top.Exercise.Name}. {top.Reason}");
        if (result.Substitutes.Count > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Also good: {string.Join(", ", result.Substitutes.Skip(1).Take(3).Select(s => s.Exercise.Name))}.");
        }

        if (read.Injuries.Count > 0)
        {
            sb.Append(" Keep any pain at or below about 3 out of 10 that settles by the next day, and get it assessed if it is getting worse.");
        }

        return sb.ToString();
    }
}
